package dev.cloakroom;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sessions in this JVM's memory: the default store, and fit for production on a single machine.
 * Unlike express-session's MemoryStore it cannot grow without bound or keep dead sessions:
 * <ul>
 *   <li>it holds at most {@code maxSessions} sessions and at most {@code maxBytes} of them, by
 *       default a quarter of the heap ({@link Runtime#maxMemory()}), so a store left at its
 *       defaults cannot exhaust a small heap;</li>
 *   <li>when full, it keeps the sessions that are used often: a new session is admitted only if it
 *       has been used more than the session it would push out (Caffeine's W-TinyLFU), so a flood
 *       of one-hit anonymous sessions cannot push out users who keep coming back;</li>
 *   <li>expired sessions are swept on a timer, not only when someone asks for them;</li>
 *   <li>a session without an expiry (a browser-session cookie) is kept for {@code defaultTtl}
 *       after its last use, one day unless set.</li>
 * </ul>
 * Sessions do not survive a restart and are not shared between machines; use a Redis or JDBC
 * store for that. Thread-safe: reads take no lock, and each write is an atomic compute on its one
 * id. {@link #close()} stops the sweeper.
 *
 * <p>It keeps a user index ({@link UserIndexedSessionStore}) beside the sessions: each entry goes
 * with its session, whichever way that goes, so the index never holds more than the sessions do.
 *
 * <p>As a {@link SweepingSessionStore} it tells session listeners about every session it removes
 * because it expired, whether in the sweep or on a read; sessions evicted to stay within its
 * bounds did not expire and are not reported.
 */
public final class MemoryStore implements EnumerableSessionStore, UserIndexedSessionStore, SweepingSessionStore,
        AutoCloseable {

    /**
     * What a session costs beyond its document and id, in bytes: the cache's node, the map's, the
     * entry and {@link StoredSession} objects, two instants and the strings' headers, rounded up.
     */
    static final int ENTRY_OVERHEAD_BYTES = 256;
    /** How many uses a login counts as, so that a fresh login is admitted ahead of one-hit sessions; see {@link #countLogin}. */
    static final int LOGIN_USES = 8;
    /** The default byte budget is the heap's maximum divided by this. */
    static final int DEFAULT_HEAP_FRACTION = 4;
    /** Caffeine caps a duration near 146 years; a later expiry is held as this. */
    private static final long FOREVER_NANOS = Duration.ofDays(365L * 100).toNanos();

    private static final ScheduledExecutorService SWEEPER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cloakroom-memorystore-sweeper");
        t.setDaemon(true);
        return t;
    });

    /**
     * A stored session, the instant the store drops it, and the user it is indexed under (or null).
     * The user index matches entries by identity.
     */
    record Entry(StoredSession session, Instant deadline, String user) {
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

    /** Each entry lives until its own deadline; a read does not extend it, a write sets a new one. */
    private static final class UntilDeadline implements Expiry<String, Entry> {
        @Override
        public long expireAfterCreate(String id, Entry entry, long now) {
            return nanosUntil(entry.deadline(), now);
        }

        @Override
        public long expireAfterUpdate(String id, Entry entry, long now, long currentDuration) {
            return nanosUntil(entry.deadline(), now);
        }

        @Override
        public long expireAfterRead(String id, Entry entry, long now, long currentDuration) {
            return currentDuration;
        }
    }

    private final int maxSessions;
    private final long maxBytes;
    private final Duration defaultTtl;
    private final Duration sweepInterval;
    private final Clock clock;
    private final MemoryUserIndex users = new MemoryUserIndex();
    /** Sessions removed because they expired, however that was noticed; {@link #sweep()} reports its share. */
    private final AtomicLong expired = new AtomicLong();
    /** Told of each session that expired here, after the removal, outside the cache's locks. */
    private final ExpiryReceivers expiryReceivers = new ExpiryReceivers();
    private final Cache<String, Entry> sessions;
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
        this.sessions = cache(maxSessions, maxBytes, clock, users, expired, expiryReceivers);
        long every = sweepInterval.toMillis();
        Sweep task = new Sweep(this);
        this.sweep = SWEEPER.scheduleWithFixedDelay(task, every, every, TimeUnit.MILLISECONDS);
        task.future = sweep;
    }

    /**
     * The cache behind the store. Every session weighs at least {@code maxBytes / maxSessions},
     * rounded up, and the cache holds that times {@code maxSessions}: at most {@code maxSessions}
     * sessions, and at most {@code maxBytes} rounded up to a multiple of {@code maxSessions}. One
     * bound holds both. Maintenance (eviction, expiry) runs on the thread that wrote, so the budget
     * is exceeded by no more than the writes in flight, and the eviction listener keeps the user
     * index in step inside the same atomic removal.
     */
    private static Cache<String, Entry> cache(int maxSessions, long maxBytes, Clock clock, MemoryUserIndex users,
                                              AtomicLong expired, ExpiryReceivers expiryReceivers) {
        long perSession = Math.min(Integer.MAX_VALUE, (maxBytes + maxSessions - 1) / maxSessions);
        return Caffeine.newBuilder()
                .maximumWeight(perSession * maxSessions)
                .weigher((String id, Entry e) -> (int) Math.max(perSession, Math.min(Integer.MAX_VALUE, weight(id, e))))
                .expireAfter(new UntilDeadline())
                .ticker(() -> nanos(clock.instant()))
                .executor(Runnable::run)
                .evictionListener((String id, Entry e, RemovalCause cause) -> {
                    if (id != null && e != null) {
                        users.remove(id, e);
                    }
                    if (cause == RemovalCause.EXPIRED) {
                        expired.incrementAndGet();
                    }
                })
                // Runs after the atomic removal, on the same thread (the executor above): listeners
                // that core tells must not run inside the cache's locks.
                .removalListener((String id, Entry e, RemovalCause cause) -> {
                    if (cause == RemovalCause.EXPIRED && id != null) {
                        expiryReceivers.expired(id);
                    }
                })
                .build();
    }

    /** {@return the default byte budget: a quarter of the heap's maximum} */
    static long defaultMaxBytes() {
        return Runtime.getRuntime().maxMemory() / DEFAULT_HEAP_FRACTION;
    }

    /** {@return what one session costs, in bytes: two a character of its id and document, plus the overhead} */
    static long weight(String id, Entry entry) {
        return 2L * (id.length() + entry.session().json().length()) + ENTRY_OVERHEAD_BYTES;
    }

    /** {@return a builder holding the defaults: 100,000 sessions, a quarter of the heap, a one-day default TTL, a sweep every minute} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<StoredSession> get(String id) {
        Entry e = sessions.getIfPresent(id);
        return e == null ? Optional.empty() : Optional.of(e.session());
    }

    @Override
    public void set(String id, StoredSession session) {
        Entry fresh = entry(session);
        boolean[] login = {false};
        sessions.asMap().compute(id, (k, old) -> {
            login[0] = isLogin(old, fresh);
            users.swap(k, old, fresh);
            return fresh;
        });
        if (login[0]) {
            admitLogin(id, fresh);
        }
    }

    /** Atomic: a compute on the one id. An expired session counts as gone. */
    @Override
    public boolean replace(String id, String expectedJson, StoredSession session) {
        Entry fresh = entry(session);
        boolean[] login = {false};
        Entry now = sessions.asMap().computeIfPresent(id, (k, old) -> {
            if (!old.session().json().equals(expectedJson)) {
                return old;
            }
            login[0] = isLogin(old, fresh);
            users.swap(k, old, fresh);
            return fresh;
        });
        if (login[0]) {
            countUses(id);
        }
        return now == fresh;
    }

    /** Moves the expiry only; the stored document stays as it is, as with connect-redis's TTL refresh. */
    @Override
    public void touch(String id, StoredSession session) {
        Instant deadline = deadline(session);
        sessions.asMap().computeIfPresent(id, (k, old) -> {
            Entry moved = new Entry(new StoredSession(old.session().json(), session.expires()), deadline, old.user());
            users.swap(k, old, moved);
            return moved;
        });
    }

    @Override
    public void destroy(String id) {
        sessions.asMap().compute(id, (k, old) -> {
            users.swap(k, old, null);
            return null;
        });
    }

    /** Read from the index; finding an expired session there runs the sweep, which drops it with its entry. */
    @Override
    public Map<String, StoredSession> sessionsOf(String userKey) {
        Instant now = clock.instant();
        Map<String, StoredSession> live = new LinkedHashMap<>();
        boolean stale = false;
        for (Map.Entry<String, Entry> e : users.entriesOf(userKey).entrySet()) {
            if (e.getValue().deadline().isAfter(now)) {
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
        sessions.asMap().forEach((id, e) -> {
            if (e.deadline().isAfter(now)) {
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
        for (String id : Set.copyOf(sessions.asMap().keySet())) {
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
        long before = expired.get();
        sessions.cleanUp();
        return (int) Math.min(Integer.MAX_VALUE, expired.get() - before);
    }

    @Override
    public void onExpiry(ExpiryReceiver receiver) {
        expiryReceivers.add(receiver);
    }

    /** {@return how many entries are held, expired or not, without sweeping} For monitoring and tests. */
    public int size() {
        return (int) Math.min(Integer.MAX_VALUE, sessions.estimatedSize());
    }

    /**
     * {@return the bytes charged against {@link #maxBytes()}} Each session is charged two bytes a
     * character of its id and document plus {@value #ENTRY_OVERHEAD_BYTES}, and at least
     * {@code maxBytes / maxSessions}. For monitoring and tests.
     */
    public long chargedBytes() {
        return sessions.policy().eviction().orElseThrow().weightedSize().orElseThrow();
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

    /** {@return whether writing {@code after} over {@code before} binds the id to a user it was not bound to} */
    private static boolean isLogin(Entry before, Entry after) {
        return after.user() != null && (before == null || !after.user().equals(before.user()));
    }

    /**
     * Gives a login's session its way into a full store. W-TinyLFU admits a new session only if it
     * has been used more often than the one it would push out, and a login usually writes a fresh
     * id ({@code changeId}, {@code regenerate}) with no history; under a one-hit flood the cache
     * shrinks its window of new entries to almost nothing, so the login would be judged, and
     * dropped, by its very first write. Each attempt here counts as a use, so within
     * {@value #LOGIN_USES} attempts it outweighs one-hit sessions (though not necessarily sessions
     * in steady use). Only {@code set} retries: it is unconditional, so writing again is the same as
     * writing later, whereas a {@code replace} that lost its session must not bring it back.
     */
    private void admitLogin(String id, Entry fresh) {
        for (int i = 1; i < LOGIN_USES && sessions.getIfPresent(id) == null; i++) {
            sessions.asMap().computeIfAbsent(id, k -> {
                users.swap(k, null, fresh);
                return fresh;
            });
        }
        countUses(id);
    }

    /** Reads the session {@value #LOGIN_USES} times, so its frequency says it is in use. */
    private void countUses(String id) {
        for (int i = 0; i < LOGIN_USES; i++) {
            sessions.getIfPresent(id);
        }
    }

    private Entry entry(StoredSession session) {
        return new Entry(session, deadline(session), session.boundUser().orElse(null));
    }

    private Instant deadline(StoredSession session) {
        return session.expires() != null ? session.expires() : clock.instant().plus(defaultTtl);
    }

    /** {@code instant} as nanoseconds since the epoch, the cache's time; saturates past the year 2262. */
    private static long nanos(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds >= Long.MAX_VALUE / 1_000_000_000L) {
            return Long.MAX_VALUE;
        }
        return seconds * 1_000_000_000L + instant.getNano();
    }

    private static long nanosUntil(Instant deadline, long now) {
        Instant at = Instant.ofEpochSecond(0, now);
        if (!deadline.isAfter(at)) {
            return 0;
        }
        Duration left = Duration.between(at, deadline);
        return left.compareTo(Duration.ofNanos(FOREVER_NANOS)) >= 0 ? FOREVER_NANOS : left.toNanos();
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
         * The most sessions held. Past it, a new session is admitted only if it has been used more
         * often than the one it would push out, so sessions that keep being used stay.
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
