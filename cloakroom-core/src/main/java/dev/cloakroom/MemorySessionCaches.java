package dev.cloakroom;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;

/**
 * The two caches behind {@link MemoryStore}: sessions bound to a user and anonymous ones, kept
 * apart so that no number of anonymous sessions can push out or refuse a bound one.
 *
 * <p>The budget is one weight, {@code W}: every session weighs at least {@code maxBytes / maxSessions}
 * (rounded up) and {@code W} is that times {@code maxSessions}, so one bound holds both: at most
 * {@code maxSessions} sessions, and at most {@code maxBytes} rounded up to a multiple of
 * {@code maxSessions}. Bound sessions may use all of {@code W}; anonymous ones get what bound ones leave,
 * rounded down to a step of about a thousandth of the budget, so the two together never exceed it. A login needs
 * credentials and the application limits its rate; an anonymous session needs nothing, so it is the
 * anonymous side that gives way. Each cache runs W-TinyLFU on its own side: anonymous sessions
 * compete only with anonymous ones, bound ones only with bound ones.
 *
 * <p>An id lives in at most one of the two. Every write holds its id's lock (one of
 * {@value #STRIPES}, by hash), so it sees which cache holds the id and no other write moves it
 * meanwhile; reads take no lock. A write that moves an id between the caches (a document newly
 * bound, or unbound) removes it from one and then adds it to the other; a read that misses in both
 * while such a move may have been under way on its stripe looks again under the lock, so a read never
 * misses a session that was there before and after.
 *
 * <p>Eviction and expiry keep the user index in step inside the cache's atomic removal. Expired
 * ids are queued, not told: {@link MemoryStore} tells them once no lock is held.
 */
final class MemorySessionCaches {

    /** How many locks the writes share, by id hash; a power of two. */
    static final int STRIPES = 256;
    /** Caffeine caps a duration near 146 years; a later expiry is held as this. */
    private static final long FOREVER_NANOS = Duration.ofDays(365L * 100).toNanos();

    private final Cache<String, MemoryEntry> bound;
    private final Cache<String, MemoryEntry> anonymous;
    private final MemoryUserIndex users;
    private final long perSession;
    private final long budget;
    /**
     * The anonymous cache's room is resized in steps of about a thousandth of the budget, not on
     * every bound write: Caffeine restarts its window tuning at each resize.
     */
    private final long step;
    /** The weight of the bound cache, kept by the writes and its eviction listener; exact at rest. */
    private final AtomicLong boundWeight = new AtomicLong();
    private volatile long anonymousMaximum;
    private final Object resizing = new Object();
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    /** Per stripe: odd while a move is under way, and bumped twice by each. */
    private final AtomicLongArray moves = new AtomicLongArray(STRIPES);
    private final AtomicLong expiredCount = new AtomicLong();
    private final ConcurrentLinkedQueue<String> expiredIds = new ConcurrentLinkedQueue<>();

    MemorySessionCaches(int maxSessions, long maxBytes, Clock clock, MemoryUserIndex users) {
        this.users = users;
        this.perSession = Math.min(Integer.MAX_VALUE, (maxBytes + maxSessions - 1) / maxSessions);
        this.budget = perSession * maxSessions;
        this.step = perSession * Math.max(1, maxSessions / 1024);
        this.bound = cache(budget, clock, true);
        this.anonymous = cache(budget, clock, false);
        this.anonymousMaximum = budget;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /**
     * One side. Maintenance (eviction, expiry) runs on the thread that wrote, so the budget is
     * exceeded by no more than the writes in flight, and the eviction listener keeps the user index
     * and the bound weight in step inside the same atomic removal.
     */
    private Cache<String, MemoryEntry> cache(long maximum, Clock clock, boolean isBound) {
        return Caffeine.newBuilder()
                .maximumWeight(maximum)
                .weigher(this::weigh)
                .expireAfter(new UntilDeadline())
                .ticker(() -> nanos(clock.instant()))
                .executor(Runnable::run)
                .evictionListener((String id, MemoryEntry e, RemovalCause cause) -> {
                    if (id == null || e == null) {
                        return;
                    }
                    users.remove(id, e);
                    if (isBound) {
                        boundWeight.addAndGet(-weigh(id, e));
                    }
                    if (cause == RemovalCause.EXPIRED) {
                        expiredCount.incrementAndGet();
                        expiredIds.add(id);
                    }
                })
                .build();
    }

    /** {@return what the caches charge for a session: its {@link MemoryStore#weight}, at least a share of the budget} */
    private int weigh(String id, MemoryEntry e) {
        return (int) Math.max(perSession, Math.min(Integer.MAX_VALUE, MemoryStore.weight(id, e)));
    }

    private Cache<String, MemoryEntry> cacheFor(MemoryEntry e) {
        return e.user() != null ? bound : anonymous;
    }

    private Cache<String, MemoryEntry> other(Cache<String, MemoryEntry> c) {
        return c == bound ? anonymous : bound;
    }

    /**
     * {@return the live entry under {@code id}, or null} Lock-free unless it raced a move; see the
     * class comment. The read is not recorded: call {@link #read} once with what was found, after
     * any {@linkplain MemoryEntry#retime retime}, so a request costs the caches one recorded read.
     */
    MemoryEntry peek(String id) {
        int stripe = stripe(id);
        long before = moves.get(stripe);
        MemoryEntry e = lookup(id);
        if (e != null || ((before & 1) == 0 && moves.get(stripe) == before)) {
            return e;
        }
        ReentrantLock lock = locks[stripe];
        lock.lock();
        try {
            return lookup(id);
        } finally {
            lock.unlock();
        }
    }

    /** {@return the live entry under {@code id}, or null} As {@link #peek}, with the read recorded. */
    MemoryEntry find(String id) {
        MemoryEntry e = peek(id);
        if (e != null) {
            read(id, e);
        }
        return e;
    }

    /**
     * Records a read of {@code e}, found under {@code id}, in the cache that holds it: its
     * frequency for eviction, and its timer, which the caches' expiry sets from the entry's deadline
     * on every recorded read, so a deadline {@linkplain MemoryEntry#retime moved in place} before
     * this call moves the timer too. A read racing a write may land on the entry the write replaced
     * (or moved to the other cache), and the write's own expiry stands, as if the read had come first.
     */
    void read(String id, MemoryEntry e) {
        cacheFor(e).getIfPresent(id);
    }

    private MemoryEntry lookup(String id) {
        MemoryEntry e = bound.policy().getIfPresentQuietly(id);
        return e != null ? e : anonymous.policy().getIfPresentQuietly(id);
    }

    /** Writes {@code fresh} under {@code id}, into the cache its user says, moving the id if the other held it. */
    void put(String id, MemoryEntry fresh) {
        Cache<String, MemoryEntry> to = cacheFor(fresh);
        Cache<String, MemoryEntry> from = other(to);
        int stripe = stripe(id);
        locks[stripe].lock();
        try {
            if (from.policy().getIfPresentQuietly(id) == null) {
                write(to, id, fresh);
            } else {
                beginMove(stripe);
                try {
                    removeIf(from, id, null);
                    write(to, id, fresh);
                } finally {
                    endMove(stripe);
                }
            }
        } finally {
            locks[stripe].unlock();
        }
        resize();
    }

    /**
     * Writes {@code fresh} only if the document held under {@code id} is exactly {@code expectedJson}.
     * Atomic across a move: the comparison and the removal from the old cache are one compute, and
     * no other write to the id runs until the new cache holds it.
     *
     * @return whether it was written
     */
    boolean replace(String id, String expectedJson, MemoryEntry fresh) {
        Cache<String, MemoryEntry> to = cacheFor(fresh);
        Cache<String, MemoryEntry> from = other(to);
        int stripe = stripe(id);
        boolean written;
        locks[stripe].lock();
        try {
            if (from.policy().getIfPresentQuietly(id) == null) {
                MemoryEntry now = to.asMap().computeIfPresent(id, (k, old) -> {
                    if (!old.hasJson(expectedJson)) {
                        return old;
                    }
                    users.swap(k, old, fresh);
                    account(to, k, old, fresh);
                    return fresh;
                });
                written = now == fresh;
            } else {
                beginMove(stripe);
                try {
                    written = removeIf(from, id, expectedJson);
                    if (written) {
                        write(to, id, fresh);
                    }
                } finally {
                    endMove(stripe);
                }
            }
        } finally {
            locks[stripe].unlock();
        }
        resize();
        return written;
    }

    /** Moves the deadline of {@code e}, found under {@code id} by {@link #peek}, in place, and records the read. */
    void retime(String id, MemoryEntry e, Instant expires, Instant deadline) {
        e.retime(expires, deadline);
        read(id, e);
    }

    /** Removes {@code id} from whichever cache holds it. */
    void remove(String id) {
        int stripe = stripe(id);
        locks[stripe].lock();
        try {
            removeIf(bound, id, null);
            removeIf(anonymous, id, null);
        } finally {
            locks[stripe].unlock();
        }
        resize();
    }

    /** Every live entry of both caches; weakly consistent, as a concurrent map's iteration is. */
    void forEach(BiConsumer<String, MemoryEntry> action) {
        bound.asMap().forEach(action);
        anonymous.asMap().forEach(action);
    }

    /** {@return a copy of the ids held, bound ones first} */
    Set<String> ids() {
        Set<String> ids = new LinkedHashSet<>(bound.asMap().keySet());
        ids.addAll(anonymous.asMap().keySet());
        return ids;
    }

    /** Runs both caches' maintenance now, expiry included, then gives the anonymous side the room bound ones left. */
    void cleanUp() {
        bound.cleanUp();
        anonymous.cleanUp();
        resize();
    }

    /** {@return how many sessions expired here so far} */
    long expiredCount() {
        return expiredCount.get();
    }

    /** {@return an expired id not yet told, or null} */
    String pollExpired() {
        return expiredIds.poll();
    }

    /** {@return the entries held, expired or not, both sides} */
    long size() {
        return bound.estimatedSize() + anonymous.estimatedSize();
    }

    /** {@return the bound entries held, expired or not} */
    long boundSize() {
        return bound.estimatedSize();
    }

    /** {@return the weight charged on both sides} */
    long weightedSize() {
        return weightOf(bound) + weightOf(anonymous);
    }

    /** {@return the weight the anonymous side may use now} */
    long anonymousMaximum() {
        return anonymousMaximum;
    }

    private static long weightOf(Cache<String, MemoryEntry> c) {
        return c.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    private void write(Cache<String, MemoryEntry> to, String id, MemoryEntry fresh) {
        to.asMap().compute(id, (k, old) -> {
            users.swap(k, old, fresh);
            account(to, k, old, fresh);
            return fresh;
        });
    }

    /** {@return whether {@code id} was removed from {@code c}} Only if its document is {@code expectedJson}; whatever it is when that is null. */
    private boolean removeIf(Cache<String, MemoryEntry> c, String id, String expectedJson) {
        boolean[] removed = {false};
        c.asMap().computeIfPresent(id, (k, old) -> {
            if (expectedJson != null && !old.hasJson(expectedJson)) {
                return old;
            }
            users.swap(k, old, null);
            account(c, k, old, null);
            removed[0] = true;
            return null;
        });
        return removed[0];
    }

    /** Keeps the bound weight as the writes change it; an expired entry a compute met is taken off by the eviction listener. */
    private void account(Cache<String, MemoryEntry> c, String id, MemoryEntry old, MemoryEntry now) {
        if (c == bound) {
            boundWeight.addAndGet((now == null ? 0 : weigh(id, now)) - (old == null ? 0 : weigh(id, old)));
        }
    }

    /**
     * Gives the anonymous side the budget bound sessions leave, rounded down to a step.
     * Shrinking it evicts anonymous sessions there and then, by their own W-TinyLFU order. Whoever
     * sets a size looks again afterwards, so a write that raced it is not left with a stale one.
     * A bound session removed by expiry on a read frees its room at the next bound write or sweep.
     */
    private void resize() {
        while (true) {
            long room = anonymousRoom();
            if (room == anonymousMaximum) {
                return;
            }
            synchronized (resizing) {
                room = anonymousRoom();
                anonymous.policy().eviction().orElseThrow().setMaximum(room);
                anonymousMaximum = room;
            }
        }
    }

    private long anonymousRoom() {
        long used = Math.max(0, boundWeight.get());
        long steps = (used + step - 1) / step;
        return Math.max(0, budget - steps * step);
    }

    private List<Cache<String, MemoryEntry>> sides() {
        return List.of(bound, anonymous);
    }

    private void beginMove(int stripe) {
        moves.incrementAndGet(stripe);
    }

    private void endMove(int stripe) {
        moves.incrementAndGet(stripe);
    }

    private static int stripe(String id) {
        return (id.hashCode() * 0x9E3779B9) >>> (32 - Integer.numberOfTrailingZeros(STRIPES));
    }

    /** Each entry lives until its own deadline, which a write sets and a touch moves ({@link MemoryEntry#retime}). */
    private static final class UntilDeadline implements Expiry<String, MemoryEntry> {
        @Override
        public long expireAfterCreate(String id, MemoryEntry entry, long now) {
            return nanosUntil(entry, now);
        }

        @Override
        public long expireAfterUpdate(String id, MemoryEntry entry, long now, long currentDuration) {
            return nanosUntil(entry, now);
        }

        @Override
        public long expireAfterRead(String id, MemoryEntry entry, long now, long currentDuration) {
            return nanosUntil(entry, now);
        }
    }

    /** {@code instant} as nanoseconds since the epoch, the cache's time; saturates past the year 2262. */
    private static long nanos(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds >= Long.MAX_VALUE / 1_000_000_000L) {
            return Long.MAX_VALUE;
        }
        return seconds * 1_000_000_000L + instant.getNano();
    }

    private static long nanosUntil(MemoryEntry entry, long now) {
        long deadline = entry.deadlineEpochNanos();
        if (deadline <= now) {
            return 0;
        }
        long left = deadline - now;
        // A negative difference overflowed: the deadline is further off than a long of nanoseconds.
        return left < 0 || left >= FOREVER_NANOS ? FOREVER_NANOS : left;
    }
}
