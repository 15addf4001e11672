package dev.cloakroom;

import dev.cloakroom.lifecycle.NoSessionIdInLogs;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MemoryStore's timer holds a store weakly: a store dropped without {@code close()} (the default
 * store of options built and thrown away, say) must be collected and stop being swept, not stay
 * reachable from the shared sweeper thread for the life of the JVM.
 */
@ExtendWith(NoSessionIdInLogs.class)
class MemoryStoreSweepTest {

    private static final Duration SWEEP_EVERY = Duration.ofMillis(10);

    /** Counts reads; every sweep reads the clock once. */
    private static final class CountingClock extends Clock {
        final AtomicLong reads = new AtomicLong();

        @Override
        public Instant instant() {
            reads.incrementAndGet();
            return Instant.parse("2026-01-01T00:00:00Z");
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private static void await(String what, Duration bound, java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Builds a store, sees it swept, and returns only a weak reference: no strong one is left here. */
    private static WeakReference<MemoryStore> aSweptStoreNobodyHolds(CountingClock clock) throws InterruptedException {
        MemoryStore store = MemoryStore.builder().sweepInterval(SWEEP_EVERY).clock(clock).build();
        await("the store is swept while held", Duration.ofSeconds(10), () -> clock.reads.get() >= 3);
        return new WeakReference<>(store);
    }

    @Nested
    class WhenAStoreIsDroppedWithoutClose {

        @Test
        void itIsCollectedAndNoLongerSwept() throws InterruptedException {
            CountingClock clock = new CountingClock();
            WeakReference<MemoryStore> dropped = aSweptStoreNobodyHolds(clock);

            await("store still reachable after 20 s of System.gc(): the sweeper keeps it alive",
                    Duration.ofSeconds(20), () -> {
                        System.gc();
                        return dropped.get() == null;
                    });

            long readsOnceCollected = clock.reads.get();
            Thread.sleep(SWEEP_EVERY.multipliedBy(20).toMillis());
            assertThat(clock.reads.get()).as("clock reads (sweeps) after the store was collected").isEqualTo(readsOnceCollected);
        }
    }

    @Nested
    class WhenAStoreIsHeld {

        /** The other side of the weak hold: a store still in use keeps being swept. */
        @Test
        void itKeepsBeingSwept() throws InterruptedException {
            CountingClock clock = new CountingClock();
            try (MemoryStore store = MemoryStore.builder().sweepInterval(SWEEP_EVERY).clock(clock).build()) {
                for (int i = 0; i < 5; i++) {
                    System.gc();
                }
                long before = clock.reads.get();
                await("the held store is swept after GCs", Duration.ofSeconds(10), () -> clock.reads.get() > before + 3);
                assertThat(store.size()).isZero();
            }
        }
    }
}
