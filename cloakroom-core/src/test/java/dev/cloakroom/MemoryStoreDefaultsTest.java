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
 * at most 100,000 sessions, a sweep every minute.
 */
@ExtendWith(NoSessionIdInLogs.class)
class MemoryStoreDefaultsTest {

    private static final StoredSession ONE_HOUR = new StoredSession(
            "{\"cookie\":{\"originalMaxAge\":3600000,\"expires\":\"2026-01-01T01:00:00.000Z\",\"httpOnly\":true,\"path\":\"/\"}}",
            Instant.parse("2026-01-01T01:00:00Z"));

    @Test
    void theDefaultStoreHoldsAHundredThousandSessionsAndDropsTheLeastRecentlyUsedPastThat() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        try (MemoryStore store = MemoryStore.builder().clock(clock).build()) {
            for (int i = 0; i < 100_000; i++) {
                store.set("s" + i, ONE_HOUR);
            }
            assertThat(store.size()).isEqualTo(100_000);
            assertThat(store.get("s0")).as("s0 used last, so s1 is now the least recently used").isPresent();

            store.set("one-more", ONE_HOUR);

            assertThat(store.size()).isEqualTo(100_000);
            assertThat(store.get("s1")).isEmpty();
            assertThat(store.get("s0")).isPresent();
            assertThat(store.get("one-more")).isPresent();
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
