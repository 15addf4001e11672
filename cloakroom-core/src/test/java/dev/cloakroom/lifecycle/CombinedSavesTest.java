package dev.cloakroom.lifecycle;

import dev.cloakroom.MemoryStore;
import dev.cloakroom.Session;
import dev.cloakroom.SessionConflictException;
import dev.cloakroom.SessionStore;
import dev.cloakroom.SessionTooLargeException;
import dev.cloakroom.StoredSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saves of one session that queue behind a save in progress are written together, with one read
 * and one compare-and-set, as if one after another: each keeps its change, and a save refused by
 * its read check or by maxSessionBytes is refused alone. The save in progress is held inside the
 * store until every other save is queued behind it, so the queue is deterministic.
 */
@ExtendWith(NoSessionIdInLogs.class)
class CombinedSavesTest extends LifecycleFixture {

    private static final int QUEUED = 5;

    private final HeldStore held = new HeldStore();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    /** A MemoryStore whose first compare-and-set, once armed, waits for {@link #release}. */
    private static final class HeldStore implements SessionStore {
        final MemoryStore delegate = MemoryStore.builder().build();
        final AtomicInteger gets = new AtomicInteger();
        final AtomicInteger replaces = new AtomicInteger();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean armed;

        @Override
        public Optional<StoredSession> get(String id) {
            NoSessionIdInLogs.record(id);
            gets.incrementAndGet();
            return delegate.get(id);
        }

        @Override
        public void set(String id, StoredSession session) {
            NoSessionIdInLogs.record(id);
            delegate.set(id, session);
        }

        @Override
        public boolean replace(String id, String expectedJson, StoredSession session) {
            replaces.incrementAndGet();
            if (armed) {
                armed = false;
                entered.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return delegate.replace(id, expectedJson, session);
        }

        @Override
        public void touch(String id, StoredSession session) {
            delegate.touch(id, session);
        }

        @Override
        public void destroy(String id) {
            delegate.destroy(id);
        }
    }

    @AfterEach
    void stop() {
        held.release.countDown();
        threads.shutdownNow();
        held.delegate.close();
    }

    /** A stored session holding {@code n = 0}; the counts start from zero after it. */
    private String seeded(Consumer<dev.cloakroom.SessionOptions.Builder> options) {
        configure(b -> options.accept(b.store(held)));
        String[] id = new String[1];
        withSession(null, s -> {
            s.set("n", 0);
            id[0] = s.id();
        });
        held.gets.set(0);
        held.replaces.set(0);
        return id[0];
    }

    /**
     * Runs {@code first} in a request whose save is held in the store, then one request per entry
     * of {@code queued}, each queued behind it, then lets the first save finish; returns every
     * request's outcome, the first's first.
     */
    private List<Future<?>> race(String id, Consumer<Session> first, List<Consumer<Session>> queued) throws Exception {
        held.armed = true;
        List<Future<?>> outcomes = new ArrayList<>();
        outcomes.add(threads.submit(() -> withSession(cookieFor(id), first)));
        assertThat(held.entered.await(10, TimeUnit.SECONDS)).as("the first save reached the store").isTrue();
        List<Thread> waiting = new ArrayList<>();
        for (Consumer<Session> handler : queued) {
            outcomes.add(threads.submit(() -> {
                synchronized (waiting) {
                    waiting.add(Thread.currentThread());
                }
                withSession(cookieFor(id), handler);
            }));
        }
        // Each queued request has loaded the session and is parked behind the held save.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (held.gets.get() < queued.size() || !allParked(waiting, queued.size())) {
            assertThat(System.nanoTime()).as("the queued saves to wait").isLessThan(deadline);
            Thread.sleep(5);
        }
        held.release.countDown();
        for (Future<?> outcome : outcomes) {
            try {
                outcome.get(10, TimeUnit.SECONDS);
            } catch (ExecutionException expected) {
                // Asserted by the caller.
            }
        }
        return outcomes;
    }

    private static boolean allParked(List<Thread> waiting, int count) {
        synchronized (waiting) {
            return waiting.size() == count && waiting.stream().allMatch(t -> t.getState() == Thread.State.TIMED_WAITING);
        }
    }

    private static Throwable failure(Future<?> outcome) {
        try {
            outcome.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private String stored(String id) {
        return held.delegate.get(id).orElseThrow().json();
    }

    private static List<Consumer<Session>> writers(int count) {
        List<Consumer<Session>> writers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "w" + i;
            writers.add(s -> s.set(name, name));
        }
        return writers;
    }

    @Nested
    class WhenSavesQueueBehindOne {

        @Test
        void theyAreWrittenTogetherAndEachKeepsItsChange() throws Exception {
            String id = seeded(b -> { });

            List<Future<?>> outcomes = race(id, s -> s.set("n", 1), writers(QUEUED));

            outcomes.forEach(o -> assertThat(failure(o)).isNull());
            String json = stored(id);
            assertThat(json).contains("\"n\":1");
            for (int i = 0; i < QUEUED; i++) {
                assertThat(json).contains("\"w" + i + "\":\"w" + i + "\"");
            }
            // The held save, then one for all five queued: one at a time would make 1 + 2 x 5.
            assertThat(held.replaces.get()).isEqualTo(2);
        }

        @Test
        void oneWhoseReadCheckFailsIsRefusedAloneAndTheOthersAreKept() throws Exception {
            String id = seeded(b -> { });
            List<Consumer<Session>> queued = new ArrayList<>(writers(QUEUED - 1));
            queued.add(1, s -> {
                s.checkReads();
                int n = s.get("n", Integer.class).orElseThrow();
                s.set("copy", n);
            });

            List<Future<?>> outcomes = race(id, s -> s.set("n", 1), queued);

            assertThat(failure(outcomes.get(2))).isInstanceOf(SessionConflictException.class);
            String json = stored(id);
            assertThat(json).doesNotContain("\"copy\"");
            for (int i = 0; i < QUEUED - 1; i++) {
                assertThat(json).contains("\"w" + i + "\":\"w" + i + "\"");
            }
            assertThat(List.of(outcomes.get(0), outcomes.get(1), outcomes.get(3), outcomes.get(4), outcomes.get(5)))
                    .allSatisfy(o -> assertThat(failure(o)).isNull());
        }

        @Test
        void oneThatWouldGoOverMaxSessionBytesIsRefusedAloneAndTheOthersAreKept() throws Exception {
            String id = seeded(b -> b.maxSessionBytes(2048));
            List<Consumer<Session>> queued = new ArrayList<>(writers(QUEUED - 1));
            queued.add(2, s -> s.set("big", "x".repeat(2000)));

            List<Future<?>> outcomes = race(id, s -> s.set("n", 1), queued);

            assertThat(failure(outcomes.get(3))).isInstanceOf(SessionTooLargeException.class);
            String json = stored(id);
            assertThat(json).doesNotContain("\"big\"").contains("\"n\":1");
            for (int i = 0; i < QUEUED - 1; i++) {
                assertThat(json).contains("\"w" + i + "\":\"w" + i + "\"");
            }
            // Still one write for the queued saves: the refused one is judged without a store call of its own.
            assertThat(held.replaces.get()).isEqualTo(2);
        }

        @Test
        void aSaveRefusedForItsSizeIsNotCountedAgainstALaterSavesReadCheck() throws Exception {
            String id = seeded(b -> b.maxSessionBytes(2048));
            List<Consumer<Session>> queued = new ArrayList<>(writers(QUEUED - 2));
            queued.add(0, s -> s.set("big", "x".repeat(2000)));
            queued.add(1, s -> {
                s.checkReads();
                s.set("sawBig", s.has("big"));
            });

            List<Future<?>> outcomes = race(id, s -> s.set("n", 1), queued);

            assertThat(failure(outcomes.get(1))).isInstanceOf(SessionTooLargeException.class);
            assertThat(failure(outcomes.get(2))).as("saved as if after the refused save, which stored nothing").isNull();
            assertThat(stored(id)).doesNotContain("\"big\"").contains("\"sawBig\":false");
        }
    }
}
