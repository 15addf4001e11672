package dev.cloakroom.internal;

import dev.cloakroom.SessionConflictException;
import dev.cloakroom.lifecycle.NoSessionIdInLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link WriteGate#combine}: a save another save took into its batch always ends, with an outcome or
 * a conflict, even when that batch ends without completing it. Such a save once looped on the free
 * lock for ever, at full CPU, under a Spring Security app's write load.
 */
@ExtendWith(NoSessionIdInLogs.class)
class WriteGateTest {

    private static final class Save extends WriteGate.Ticket<String> {
        final String name;

        Save(String name) {
            this.name = name;
        }
    }

    private final WriteGate gate = new WriteGate();

    @Test
    void aSaveABatchTookAndLeftWithoutAnOutcomeFailsInsteadOfWaitingOrSpinning() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            // A save running alone keeps the others queued until both are waiting.
            Future<?> first = threads.submit(() -> gate.run("id", () -> {
                holding.countDown();
                await(release);
                return null;
            }));
            holding.await();

            AtomicReference<List<Save>> batchSeen = new AtomicReference<>();
            CompletableFuture<Object> leader = new CompletableFuture<>();
            CompletableFuture<Object> follower = new CompletableFuture<>();
            threads.submit(() -> runSave(new Save("a"), batchSeen, leader));
            waitUntilQueued(1);
            threads.submit(() -> runSave(new Save("b"), batchSeen, follower));
            waitUntilQueued(2);
            release.countDown();
            first.get(10, TimeUnit.SECONDS);

            // Whichever led completed only its own save, and took the other.
            Object a = leader.get(10, TimeUnit.SECONDS);
            Object b = follower.get(10, TimeUnit.SECONDS);
            assertThat(batchSeen.get()).hasSize(2);
            List<Object> outcomes = List.of(a, b);
            assertThat(outcomes).filteredOn(o -> o instanceof String).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof SessionConflictException)
                    .singleElement()
                    .satisfies(e -> assertThat(((Exception) e).getMessage())
                            .contains("ended without this save's outcome"));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anErrorInABatchFailsEverySaveItTookAndReachesTheLeader() {
        Save only = new Save("only");
        assertThatThrownBy(() -> gate.combine("id", only, saves -> {
            throw new AssertionError("a bug in the batch");
        })).isInstanceOf(AssertionError.class);
        assertThat(only.isDone()).isTrue();
        assertThatThrownBy(() -> only.outcome(0)).isInstanceOf(SessionConflictException.class);
    }

    /** A batch that completes only the save that leads it: a bug, which the gate must survive. */
    private void runSave(Save mine, AtomicReference<List<Save>> seen, CompletableFuture<Object> result) {
        try {
            result.complete(gate.combine("id", mine, saves -> {
                seen.set(List.copyOf(saves));
                saves.get(0).succeed("saved " + saves.get(0).name);
            }));
        } catch (RuntimeException e) {
            result.complete(e);
        }
    }

    private void waitUntilQueued(int saves) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (gate.waiting("id") < saves) {
            assertThat(System.nanoTime()).as("saves queued in time").isLessThan(end);
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
