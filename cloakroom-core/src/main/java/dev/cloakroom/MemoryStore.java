package dev.cloakroom;

import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import dev.cloakroom.internal.ExpiryReceivers;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sessions in this JVM's memory: the default store, and fit for production on a single machine.
 * Unlike express-session's MemoryStore it cannot grow without bound or keep dead sessions:
 * <ul>
 *   <li>it holds at most {@code maxSessions}; past that the least recently used session goes;</li>
 *   <li>expired sessions are swept on a timer, not only when someone asks for them;</li>
 *   <li>a session without an expiry (a browser-session cookie) is kept for {@code defaultTtl}
 *       after its last use, one day unless set.</li>
 * </ul>
 * Sessions do not survive a restart and are not shared between machines; use a Redis or JDBC
 * store for that. Thread-safe. {@link #close()} stops the sweeper.
 *
 * <p>It keeps a user index ({@link UserIndexedSessionStore}) beside the sessions: each entry goes
 * with its session, whichever way that goes, so the index never holds more than the sessions do.
 *
 * <p>As a {@link SweepingSessionStore} it tells session listeners about every session it removes
 * because it expired, whether in the sweep or on a read; sessions evicted to stay within
 * {@code maxSessions} did not expire and are not reported.
 */
public final class MemoryStore implements EnumerableSessionStore, UserIndexedSessionStore, SweepingSessionStore,
        AutoCloseable {

    private static final ScheduledExecutorService SWEEPER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cloakroom-memorystore-sweeper");
        t.setDaemon(true);
        return t;
    });

    private record Entry(StoredSession session, Instant deadline) {
    }

    /**
     * The timer's hold on a store is weak, so a store dropped without {@link #close()} (say, the
     * default one of options that were built and thrown away) stops being swept and is collected.
     */
    private static final class Sweep implements Runnable {
        private final WeakReference<MemoryStore> store;
        private volatile ScheduledFuture<?> future;

        Sweep(MemoryStore store) {
            this.store = new WeakReference<>(store);
        }

        @Override
        public void run() {
            MemoryStore s = store.get();
            if (s != null) {
                s.sweep();
            } else if (future != null) {
                future.cancel(false);
            }
        }
    }

    private final int maxSessions;
    private final Duration defaultTtl;
    private final Duration sweepInterval;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    /** Access-ordered: iteration starts at the least recently used session. */
    private final LinkedHashMap<String, Entry> sessions = new LinkedHashMap<>(256, 0.75f, true);
    /** Every change to {@link #sessions} goes through {@link #keep} and {@link #drop} or their iterator twins, so this follows it. */
    private final MemoryUserIndex users = new MemoryUserIndex();
    private final ScheduledFuture<?> sweep;
    private final ExpiryReceivers expiryReceivers = new ExpiryReceivers();

    /** A store with the defaults: 100,000 sessions, a one-day TTL for sessions without expiry, a sweep every minute. */
    public MemoryStore() {
        this(builder());
    }

    private MemoryStore(Builder b) {
        this.maxSessions = b.maxSessions;
        this.defaultTtl = b.defaultTtl;
        this.sweepInterval = b.sweepInterval;
        this.clock = b.clock;
        long every = sweepInterval.toMillis();
        Sweep task = new Sweep(this);
        this.sweep = SWEEPER.scheduleWithFixedDelay(task, every, every, TimeUnit.MILLISECONDS);
        task.future = sweep;
    }

    /** {@return a builder holding the defaults: 100,000 sessions, a one-day default TTL, a sweep every minute} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<StoredSession> get(String id) {
        Instant now = clock.instant();
        lock.lock();
        try {
            Entry e = sessions.get(id);
            if (e == null) {
                return Optional.empty();
            }
            if (e.deadline().isAfter(now)) {
                return Optional.of(e.session());
            }
            drop(id);
        } finally {
            lock.unlock();
        }
        expiryReceivers.expired(id);
        return Optional.empty();
    }

    @Override
    public void set(String id, StoredSession session) {
        Instant deadline = deadline(session);
        lock.lock();
        try {
            keep(id, new Entry(session, deadline));
            evictOverflow();
        } finally {
            lock.unlock();
        }
    }

    /** Atomic under the store's lock. An expired session counts as gone. */
    @Override
    public boolean replace(String id, String expectedJson, StoredSession session) {
        Instant deadline = deadline(session);
        Instant now = clock.instant();
        lock.lock();
        try {
            Entry e = sessions.get(id);
            if (e == null || !e.deadline().isAfter(now) || !e.session().json().equals(expectedJson)) {
                return false;
            }
            keep(id, new Entry(session, deadline));
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Moves the expiry only; the stored document stays as it is, as with connect-redis's TTL refresh. */
    @Override
    public void touch(String id, StoredSession session) {
        Instant deadline = deadline(session);
        Instant now = clock.instant();
        lock.lock();
        try {
            Entry e = sessions.get(id);
            if (e != null && e.deadline().isAfter(now)) {
                sessions.put(id, new Entry(new StoredSession(e.session().json(), session.expires()), deadline));
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void destroy(String id) {
        lock.lock();
        try {
            drop(id);
        } finally {
            lock.unlock();
        }
    }

    /** Expired sessions found here are dropped, with their entries. */
    @Override
    public Map<String, StoredSession> sessionsOf(String userKey) {
        Instant now = clock.instant();
        lock.lock();
        try {
            Map<String, StoredSession> live = new LinkedHashMap<>();
            for (String id : users.idsOf(userKey)) {
                Entry e = sessions.get(id);
                if (e == null || !e.deadline().isAfter(now)) {
                    drop(id);
                } else {
                    live.put(id, e.session());
                }
            }
            return live;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Map<String, StoredSession> all() {
        Instant now = clock.instant();
        lock.lock();
        try {
            Map<String, StoredSession> live = new LinkedHashMap<>();
            for (Map.Entry<String, Entry> e : sessions.entrySet()) {
                if (e.getValue().deadline().isAfter(now)) {
                    live.put(e.getKey(), e.getValue().session());
                }
            }
            return live;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Set<String> ids() {
        return new LinkedHashSet<>(all().keySet());
    }

    @Override
    public long length() {
        return all().size();
    }

    @Override
    public void clear() {
        lock.lock();
        try {
            sessions.clear();
            users.clear();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes every expired session now; the timer calls it every sweep interval.
     *
     * @return how many sessions were removed
     */
    public int sweep() {
        Instant now = clock.instant();
        List<String> removed = new ArrayList<>();
        boolean name = expiryReceivers.any();
        int count = 0;
        lock.lock();
        try {
            Iterator<Map.Entry<String, Entry>> it = sessions.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, Entry> e = it.next();
                if (!e.getValue().deadline().isAfter(now)) {
                    it.remove();
                    users.remove(e.getKey());
                    count++;
                    if (name) {
                        removed.add(e.getKey());
                    }
                }
            }
        } finally {
            lock.unlock();
        }
        // Told outside the lock: a slow listener must not hold up requests.
        removed.forEach(expiryReceivers::expired);
        return count;
    }

    @Override
    public void onExpiry(ExpiryReceiver receiver) {
        expiryReceivers.add(receiver);
    }

    /** {@return how many entries are held, expired or not, without sweeping} For monitoring and tests. */
    public int size() {
        lock.lock();
        try {
            return sessions.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        sweep.cancel(false);
    }

    /** How often the timer sweeps this store; for tests of the default. */
    Duration sweepInterval() {
        return sweepInterval;
    }

    private Instant deadline(StoredSession session) {
        return session.expires() != null ? session.expires() : clock.instant().plus(defaultTtl);
    }

    private void evictOverflow() {
        Iterator<String> eldest = sessions.keySet().iterator();
        while (sessions.size() > maxSessions && eldest.hasNext()) {
            users.remove(eldest.next());
            eldest.remove();
        }
    }

    private void keep(String id, Entry entry) {
        sessions.put(id, entry);
        users.put(id, entry.session());
    }

    private void drop(String id) {
        sessions.remove(id);
        users.remove(id);
    }

    /** {@return how many user index entries are held} For tests that the index dies with its sessions. */
    int indexEntries() {
        lock.lock();
        try {
            return users.entries();
        } finally {
            lock.unlock();
        }
    }

    /** Builds a {@link MemoryStore}; {@link #build()} checks every setting. */
    public static final class Builder {
        private int maxSessions = 100_000;
        private Duration defaultTtl = Duration.ofDays(1);
        private Duration sweepInterval = Duration.ofMinutes(1);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * The most sessions held; past it, the least recently used goes first.
         *
         * @param maxSessions at least 1; 100,000 by default
         * @return this builder
         */
        public Builder maxSessions(int maxSessions) {
            this.maxSessions = maxSessions;
            return this;
        }

        /**
         * How long a session without an expiry (a browser-session cookie) is kept after its last save
         * or touch.
         *
         * @param defaultTtl positive; one day by default
         * @return this builder
         */
        public Builder defaultTtl(Duration defaultTtl) {
            this.defaultTtl = defaultTtl;
            return this;
        }

        /**
         * How often the shared timer removes expired sessions. Reads ignore expired sessions either way.
         *
         * @param sweepInterval at least one millisecond; one minute by default
         * @return this builder
         */
        public Builder sweepInterval(Duration sweepInterval) {
            this.sweepInterval = sweepInterval;
            return this;
        }

        /**
         * The clock expiry is judged by; for tests.
         *
         * @param clock the system UTC clock by default
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * {@return a new store, its sweep scheduled}
         *
         * @throws IllegalArgumentException for a setting out of range, naming it
         */
        public MemoryStore build() {
            if (maxSessions < 1) {
                throw new IllegalArgumentException("maxSessions must be at least 1, got " + maxSessions);
            }
            if (defaultTtl == null || defaultTtl.isZero() || defaultTtl.isNegative()) {
                throw new IllegalArgumentException("defaultTtl must be positive");
            }
            if (sweepInterval == null || sweepInterval.toMillis() < 1) {
                throw new IllegalArgumentException("sweepInterval must be at least one millisecond");
            }
            if (clock == null) {
                throw new IllegalArgumentException("clock must not be null");
            }
            return new MemoryStore(this);
        }
    }
}
