package dev.cloakroom.testkit.contract;

import dev.cloakroom.SessionStore;
import dev.cloakroom.StoredSession;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SessionStore#replace} called directly by many threads at once with the same expected
 * document, as stores' own callers (and core under load) do: it must be one atomic
 * compare-and-set, so exactly one caller wins and the stored document is the winner's. A
 * read-then-write replace lets several callers win, and the last writer's document is kept.
 */
public abstract class CompareAndSetRaceTests {

    private static final int THREADS = 16;
    private static final int ROUNDS = 10;

    /** {@return the store under test, fresh for each test} */
    protected abstract SessionStore store();

    private static StoredSession doc(String marker) {
        return new StoredSession("{\"cookie\":{\"originalMaxAge\":null,\"expires\":null,\"httpOnly\":true,\"path\":\"/\"},"
                + "\"marker\":\"" + marker + "\"}", Instant.now().plus(Duration.ofHours(1)));
    }

    @Test
    void exactlyOneOfSixteenRacingReplacesWinsAndItsDocumentIsStored() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                race(pool, "cas-race-" + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void race(ExecutorService pool, String id) throws Exception {
        store().set(id, doc("base"));
        String expected = store().get(id).orElseThrow().json();
        List<StoredSession> candidates = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            candidates.add(doc("writer-" + i));
        }
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (StoredSession candidate : candidates) {
            results.add(pool.submit(() -> {
                ready.countDown();
                start.await();
                return store().replace(id, expected, candidate);
            }));
        }
        assertThat(ready.await(30, TimeUnit.SECONDS)).as("all writers ready").isTrue();
        start.countDown();

        List<Integer> winners = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            if (results.get(i).get(60, TimeUnit.SECONDS)) {
                winners.add(i);
            }
        }
        assertThat(winners).as("writers whose replace returned true on %s", id).hasSize(1);
        String stored = store().get(id).orElseThrow().json();
        assertThat(stored).as("the stored document").contains("\"writer-" + winners.get(0) + "\"");
    }
}
