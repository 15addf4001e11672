package dev.cloakroom.bench;

import dev.cloakroom.MemoryStore;
import dev.cloakroom.StoredSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@link MemoryStore#get} and {@link MemoryStore#set} of small sessions (about 190 bytes each) in
 * a store holding 1,000 or 1,000,000 of them, on one thread and on two. Each operation picks a
 * stored id at random, so at a million sessions most reads leave the CPU caches. The store is
 * sized so nothing is evicted: {@code set} replaces a session, the count stays put. {@code mapGet}
 * is the floor under {@code get}: the same walk over a plain {@code ConcurrentHashMap} of the same
 * documents, reading one character of each, so its 1M / 1k ratio is what the memory hierarchy
 * alone costs, and {@code mapGetTwoThreads} against it what the machine's two cores give two
 * threads that share nothing they write.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MemoryStoreBench {

    /** How many sessions the store holds. */
    @Param({"1000", "1000000"})
    public int sessions;

    private MemoryStore store;
    private String[] ids;
    private StoredSession[] stored;
    private Map<String, StoredSession> map;

    /** Fills the store. Every document is its own string, as sessions read from requests are. */
    @Setup(Level.Trial)
    public void fill() {
        // Room for every session at any size the weigher charges, so the count alone bounds it.
        store = MemoryStore.builder().maxSessions(sessions).maxBytes(sessions * 4096L).build();
        ids = Fixtures.ids(sessions);
        stored = new StoredSession[sessions];
        Instant expires = Clock.systemUTC().instant().plus(Duration.ofDays(1));
        for (int i = 0; i < sessions; i++) {
            stored[i] = new StoredSession(Fixtures.smallDocument(i, expires), expires);
            store.set(ids[i], stored[i]);
        }
        map = new ConcurrentHashMap<>(sessions * 2);
        for (int i = 0; i < sessions; i++) {
            map.put(ids[i], new StoredSession(Fixtures.smallDocument(i, expires), expires));
        }
        if (store.size() != sessions) {
            throw new IllegalStateException("the store holds " + store.size() + " sessions, not " + sessions);
        }
    }

    /** Stops the store's sweep. */
    @TearDown(Level.Trial)
    public void close() {
        store.close();
    }

    /** Each thread's own random walk over the stored ids. */
    @State(Scope.Thread)
    public static class Cursor {
        private int x;

        /** Seeds the walk differently on each thread. */
        @Setup(Level.Trial)
        public void seed() {
            x = ThreadLocalRandom.current().nextInt() | 1;
        }

        int next(int bound) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            return (x & Integer.MAX_VALUE) % bound;
        }
    }

    /**
     * {@return a stored session, one thread reading}
     *
     * @param cursor this thread's walk over the ids
     */
    @Benchmark
    @Threads(1)
    public Optional<StoredSession> get(Cursor cursor) {
        return store.get(ids[cursor.next(sessions)]);
    }

    /**
     * {@return a character of a stored document, one thread reading a plain map}
     *
     * @param cursor this thread's walk over the ids
     */
    @Benchmark
    @Threads(1)
    public char mapGet(Cursor cursor) {
        return map.get(ids[cursor.next(sessions)]).json().charAt(100);
    }

    /**
     * {@return a stored session, two threads reading}
     *
     * @param cursor this thread's walk over the ids
     */
    @Benchmark
    @Threads(2)
    public Optional<StoredSession> getTwoThreads(Cursor cursor) {
        return store.get(ids[cursor.next(sessions)]);
    }

    /**
     * {@return a character of a stored document, two threads reading a plain map}
     *
     * @param cursor this thread's walk over the ids
     */
    @Benchmark
    @Threads(2)
    public char mapGetTwoThreads(Cursor cursor) {
        return map.get(ids[cursor.next(sessions)]).json().charAt(100);
    }

    /**
     * Replaces a stored session, one thread writing.
     *
     * @param cursor this thread's walk over the ids
     */
    @Benchmark
    @Threads(1)
    public void set(Cursor cursor) {
        int i = cursor.next(sessions);
        store.set(ids[i], stored[i]);
    }

    /**
     * Replaces a stored session, two threads writing.
     *
     * @param cursor this thread's walk over the ids
     */
    @Benchmark
    @Threads(2)
    public void setTwoThreads(Cursor cursor) {
        int i = cursor.next(sessions);
        store.set(ids[i], stored[i]);
    }
}
