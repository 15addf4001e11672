package dev.cloakroom;

import dev.cloakroom.lifecycle.NoSessionIdInLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The defaults the README gives for the MemoryStore an application gets without configuring one:
 * at most 100,000 sessions and a quarter of the heap, a sweep every minute.
 */
@ExtendWith(NoSessionIdInLogs.class)
class MemoryStoreDefaultsTest {

    private static final StoredSession ONE_HOUR = new StoredSession(
            "{\"cookie\":{\"originalMaxAge\":3600000,\"expires\":\"2026-01-01T01:00:00.000Z\",\"httpOnly\":true,\"path\":\"/\"}}",
            Instant.parse("2026-01-01T01:00:00Z"));

    @Test
    void theDefaultStoreHoldsAHundredThousandSessionsAndAdmitsNoMore() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        try (MemoryStore store = MemoryStore.builder().clock(clock).build()) {
            for (int i = 0; i < 100_000; i++) {
                store.set("s" + i, ONE_HOUR);
            }
            assertThat(store.size()).isEqualTo(100_000);

            store.set("one-more", ONE_HOUR);

            assertThat(store.size()).isEqualTo(100_000);
        }
    }

    @Test
    void theDefaultByteBudgetIsAQuarterOfTheHeap() {
        try (MemoryStore store = MemoryStore.builder().build()) {
            assertThat(store.maxBytes()).isEqualTo(Runtime.getRuntime().maxMemory() / 4);
            assertThat(store.maxSessions()).isEqualTo(100_000);
        }
    }

    @Test
    void theDefaultStoreIsSweptEveryMinute() {
        SessionOptions options = SessionOptions.builder().secret("a secret of thirty-two bytes or more").build();
        try (MemoryStore byDefault = (MemoryStore) options.store(); MemoryStore built = MemoryStore.builder().build()) {
            assertThat(byDefault.sweepInterval()).isEqualTo(Duration.ofMinutes(1));
            assertThat(built.sweepInterval()).isEqualTo(Duration.ofMinutes(1));
        }
    }
}
