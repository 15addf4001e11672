package dev.cloakroom;

import dev.cloakroom.internal.ExpiryReceivers;

import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sessions in this JVM's memory: the default store, and fit for production on a single machine.
 * Unlike express-session's MemoryStore it cannot grow without bound or keep dead sessions:
 * <ul>
 *   <li>it holds at most {@code maxSessions} sessions and at most {@code maxBytes} of them, by
 *       default a quarter of the heap ({@link Runtime#maxMemory()}), so a store left at its
 *       defaults cannot exhaust a small heap;</li>
 *   <li>sessions bound to a user ({@link StoredSession#boundUser()}) are kept apart from anonymous
 *       ones and may use the whole budget; anonymous ones get what bound ones leave. So no number
 *       of anonymous sessions can push out a logged-in user or refuse a login: a bound session is
 *       refused or pushed out only by other bound sessions, once they fill the whole budget, and
 *       every one of those took a login;</li>
 *   <li>within each side, a new session is admitted into a full store only if it has been used
 *       more than the session it would push out (Caffeine's W-TinyLFU), so a flood of one-hit
 *       anonymous sessions does not push out anonymous visitors who keep coming back either;</li>
 *   <li>expired sessions are swept on a timer, not only when someone asks for them;</li>
 *   <li>a session without an expiry (a browser-session cookie) is kept for {@code defaultTtl}
 *       after its last use, one day unless set.</li>
 * </ul>
 * Sessions do not survive a restart and are not shared between machines; use a Redis or JDBC
 * store for that. Thread-safe: reads take no lock; each write holds a lock for its id (shared by
 * hash with other ids), so a write that binds or unbinds a session moves it atomically, its
 * compare-and-set included. {@link #close()} stops the sweeper.
 *
 * <p>It keeps a user index ({@link UserIndexedSessionStore}) beside the sessions: each entry goes
 * with its session, whichever way that goes, so the index never holds more than the sessions do.
 *
 * <p>As a {@link SweepingSessionStore} it tells session listeners about every session it removes
 * because it expired, whether in the sweep or on a read, once the call that noticed it holds no
 * lock; sessions evicted to stay within its bounds did not expire and are not reported.
 */
public final class MemoryStore implements EnumerableSessionStore, UserIndexedSessionStore, SweepingSessionStore,
        AutoCloseable {

    /**
     * What a session costs beyond its document and id, in bytes: the cache's node, the map's, the
     * {@link MemoryEntry} and the id's header, rounded up well past what they take.
     */
    static final int ENTRY_OVERHEAD_BYTES = 256;
    /** The default byte budget is the heap's maximum divided by this. */
    static final int DEFAULT_HEAP_FRACTION = 4;

    private static final ScheduledExecutorService SWEEPER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cloakroom-memorystore-sweeper");
        t.setDaemon(true);
        return t;
    });

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
    private final long maxBytes;
    private final Duration defaultTtl;
    private final Duration sweepInterval;
    private final Clock clock;
    private final MemoryUserIndex users = new MemoryUserIndex();
    /** The cookie text most sessions' documents start with, held once; see {@link MemoryEntry}. */
    private final CookieTexts cookieTexts = new CookieTexts();
    /** Told of each session that expired here, after the removal, outside every lock. */
    private final ExpiryReceivers expiryReceivers = new ExpiryReceivers();
    private final MemorySessionCaches sessions;
    private final ScheduledFuture<?> sweep;

    /** A store with the defaults: 100,000 sessions, a quarter of the heap, a one-day TTL for sessions without expiry, a sweep every minute. */
    public MemoryStore() {
        this(builder());
    }

    private MemoryStore(Builder b) {
        this.maxSessions = b.maxSessions;
        this.maxBytes = b.maxBytes != null ? b.maxBytes : defaultMaxBytes();
        this.defaultTtl = b.defaultTtl;
        this.sweepInterval = b.sweepInterval;
        this.clock = b.clock;
        this.sessions = new MemorySessionCaches(maxSessions, maxBytes, clock, users);
        long every = sweepInterval.toMillis();
        Sweep task = new Sweep(this);
        this.sweep = SWEEPER.scheduleWithFixedDelay(task, every, every, TimeUnit.MILLISECONDS);
        task.future = sweep;
    }

    /** {@return the default byte budget: a quarter of the heap's maximum} */
    static long defaultMaxBytes() {
        return Runtime.getRuntime().maxMemory() / DEFAULT_HEAP_FRACTION;
    }

    /** {@return what one session costs, in bytes: two a character of its id and document, plus the overhead} */
    static long weight(String id, MemoryEntry entry) {
        return 2L * (id.length() + entry.jsonLength()) + ENTRY_OVERHEAD_BYTES;
    }

    /** {@return a builder holding the defaults: 100,000 sessions, a quarter of the heap, a one-day default TTL, a sweep every minute} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<StoredSession> get(String id) {
        MemoryEntry e = sessions.find(id);
        tellExpired();
        return e == null ? Optional.empty() : Optional.of(e.session());
    }

    /** One lookup, and the deadline moved in place only when it must move; nothing is written for a throttled read. */
    @Override
    public Optional<TouchedSession> getAndTouch(String id, Instant touchTo, Duration touchAfter) {
        MemoryEntry e = sessions.peek(id);
        if (e == null) {
            tellExpired();
            return Optional.empty();
        }
        StoredSession stored = e.session();
        Instant deadline = e.deadline();
        Instant target = touchTo != null ? touchTo : clock.instant().plus(defaultTtl);
        boolean throttled = false;
        if (deadline.isBefore(target)) {
            throttled = !touchAfter.isZero() && Duration.between(deadline, target).compareTo(touchAfter) < 0;
            if (!throttled) {
                e.retime(touchTo, target);
            }
        }
        sessions.read(id, e);
        tellExpired();
        return Optional.of(throttled ? TouchedSession.untouched(stored) : new TouchedSession(stored, true));
    }

    @Override
    public void set(String id, StoredSession session) {
        sessions.put(id, entry(session));
        tellExpired();
    }

    /** Atomic, also when the new document binds or unbinds the session and so moves it. An expired session counts as gone. */
    @Override
    public boolean replace(String id, String expectedJson, StoredSession session) {
        boolean written = sessions.replace(id, expectedJson, entry(session));
        tellExpired();
        return written;
    }

    /** Moves the expiry only; the stored document stays as it is, as with connect-redis's TTL refresh. */
    @Override
    public void touch(String id, StoredSession session) {
        Instant deadline = deadline(session);
        MemoryEntry e = sessions.peek(id);
        if (e != null) {
            sessions.retime(id, e, session.expires(), deadline);
        }
        tellExpired();
    }

    @Override
    public void destroy(String id) {
        sessions.remove(id);
        tellExpired();
    }

    /** Read from the index; finding an expired session there runs the sweep, which drops it with its entry. */
    @Override
    public Map<String, StoredSession> sessionsOf(String userKey) {
        Instant now = clock.instant();
        Map<String, StoredSession> live = new LinkedHashMap<>();
        boolean stale = false;
        for (Map.Entry<String, MemoryEntry> e : users.entriesOf(userKey).entrySet()) {
            if (e.getValue().liveAt(now)) {
                live.put(e.getKey(), e.getValue().session());
            } else {
                stale = true;
            }
        }
        if (stale) {
            sweep();
        }
        return live;
    }

    @Override
    public Map<String, StoredSession> all() {
        Instant now = clock.instant();
        Map<String, StoredSession> live = new LinkedHashMap<>();
        sessions.forEach((id, e) -> {
            if (e.liveAt(now)) {
                live.put(id, e.session());
            }
        });
        return live;
    }

    @Override
    public Set<String> ids() {
        return new LinkedHashSet<>(all().keySet());
    }

    @Override
    public long length() {
        return all().size();
    }

    /** Destroys every session held, one by one, so the user index follows. */
    @Override
    public void clear() {
        for (String id : sessions.ids()) {
            destroy(id);
        }
    }

    /**
     * Removes every expired session now; the timer calls it every sweep interval. Between sweeps a
     * read never returns an expired session, and a write that meets one removes it.
     *
     * @return how many expired sessions were removed while this ran
     */
    public int sweep() {
        long before = sessions.expiredCount();
        sessions.cleanUp();
        long removed = sessions.expiredCount() - before;
        tellExpired();
        return (int) Math.min(Integer.MAX_VALUE, removed);
    }

    @Override
    public void onExpiry(ExpiryReceiver receiver) {
        expiryReceivers.add(receiver);
    }

    /** {@return how many entries are held, expired or not, without sweeping} For monitoring and tests. */
    public int size() {
        return (int) Math.min(Integer.MAX_VALUE, sessions.size());
    }

    /** {@return how many of {@link #size()} are bound to a user} For monitoring and tests. */
    public int boundSize() {
        return (int) Math.min(Integer.MAX_VALUE, sessions.boundSize());
    }

    /**
     * {@return the bytes charged against {@link #maxBytes()}} Each session is charged two bytes a
     * character of its id and document plus {@value #ENTRY_OVERHEAD_BYTES}, and at least
     * {@code maxBytes / maxSessions}. For monitoring and tests.
     */
    public long chargedBytes() {
        return sessions.weightedSize();
    }

    /** {@return the byte budget: as built, or a quarter of the heap's maximum when not set} */
    public long maxBytes() {
        return maxBytes;
    }

    /** {@return the most sessions held} */
    public int maxSessions() {
        return maxSessions;
    }

    @Override
    public void close() {
        sweep.cancel(false);
    }

    /** How often the timer sweeps this store; for tests of the default. */
    Duration sweepInterval() {
        return sweepInterval;
    }

    /** {@return how many user index entries are held} For tests that the index dies with its sessions. */
    int indexEntries() {
        return users.entries();
    }

    /** Tells the receivers of the expiries the caches queued; called by every operation once it holds no lock. */
    private void tellExpired() {
        for (String id = sessions.pollExpired(); id != null; id = sessions.pollExpired()) {
            expiryReceivers.expired(id);
        }
    }

    private MemoryEntry entry(StoredSession session) {
        return MemoryEntry.of(session, deadline(session), session.boundUser().orElse(null), cookieTexts);
    }

    private Instant deadline(StoredSession session) {
        return session.expires() != null ? session.expires() : clock.instant().plus(defaultTtl);
    }

    /** Builds a {@link MemoryStore}; {@link #build()} checks every setting. */
    public static final class Builder {
        private int maxSessions = 100_000;
        /** Null: a quarter of the heap, decided when the store is built. */
        private Long maxBytes;
        private Duration defaultTtl = Duration.ofDays(1);
        private Duration sweepInterval = Duration.ofMinutes(1);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * The most sessions held, bound and anonymous together. Past it, a session bound to a user
         * takes the room of anonymous ones; among sessions of one kind, a new one is admitted only
         * if it has been used more often than the one it would push out, so sessions that keep
         * being used stay.
         *
         * @param maxSessions at least 1; 100,000 by default
         * @return this builder
         */
        public Builder maxSessions(int maxSessions) {
            this.maxSessions = maxSessions;
            return this;
        }

        /**
         * The most memory the sessions may take, in bytes, as the store counts it: two bytes a
         * character of each id and document, plus {@value MemoryStore#ENTRY_OVERHEAD_BYTES} a
         * session, and at least {@code maxBytes / maxSessions} a session. Past it, sessions go as
         * {@link #maxSessions} says; a single session larger than the whole budget is not kept.
         *
         * @param maxBytes at least 1024; by default a quarter of {@link Runtime#maxMemory()}
         * @return this builder
         */
        public Builder maxBytes(long maxBytes) {
            this.maxBytes = maxBytes;
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
            if (maxBytes != null && maxBytes < 1024) {
                throw new IllegalArgumentException("maxBytes must be at least 1024, got " + maxBytes);
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
