package dev.cloakroom.memory;

import dev.cloakroom.MemoryStore;
import dev.cloakroom.StoredSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What MemoryStore promises beyond the store contract: a bound, active sweeping, a default TTL. */
class MemoryStoreTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private MemoryStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private StoredSession expiringIn(Duration d) {
        Instant expires = clock.instant().plus(d);
        return new StoredSession("{\"cookie\":{\"originalMaxAge\":" + d.toMillis() + ",\"expires\":\"" + expires
                + "\",\"httpOnly\":true,\"path\":\"/\"}}", expires);
    }

    private static StoredSession browserSession() {
        return new StoredSession("{\"cookie\":{\"originalMaxAge\":null,\"expires\":null,\"httpOnly\":true,\"path\":\"/\"}}", null);
    }

    /** Polls {@code size()} without calling get, failing after a generous bound. */
    private void awaitSize(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (store.size() != expected) {
            assertThat(System.nanoTime()).as("size still %d, expected %d", store.size(), expected).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Nested
    class WhenFull {

        /** W-TinyLFU: a session read again outweighs ones written once, so a new one-hit session does not push it out. */
        @Test
        void keepsTheSessionInUseOverOneHitSessions() {
            store = MemoryStore.builder().maxSessions(3).clock(clock).build();
            store.set("used", expiringIn(Duration.ofHours(1)));
            store.get("used");
            store.get("used");
            for (int i = 0; i < 50; i++) {
                store.set("one-hit-" + i, expiringIn(Duration.ofHours(1)));
            }
            assertThat(store.size()).isEqualTo(3);
            assertThat(store.get("used")).isPresent();
        }

        @Test
        void neverHoldsMoreBytesThanTheBudget() {
            store = MemoryStore.builder().maxBytes(1_000_000).clock(clock).build();
            String big = "x".repeat(50_000);
            for (int i = 0; i < 100; i++) {
                Instant expires = clock.instant().plus(Duration.ofHours(1));
                store.set("s" + i, new StoredSession("{\"cookie\":{},\"v\":\"" + big + "\"}", expires));
                assertThat(store.chargedBytes()).isLessThanOrEqualTo(1_000_000);
            }
            assertThat(store.size()).as("100 KB a session, at two bytes a character").isEqualTo(9);
        }

        @Test
        void neverHoldsMoreThanTheBound() {
            store = MemoryStore.builder().maxSessions(10).clock(clock).build();
            for (int i = 0; i < 100; i++) {
                store.set("s" + i, expiringIn(Duration.ofHours(1)));
            }
            assertThat(store.size()).isEqualTo(10);
            assertThat(store.ids()).hasSize(10);
        }
    }

    @Nested
    class Sweeping {

        @Test
        void removesExpiredSessionsWithoutAnyGet() throws InterruptedException {
            store = MemoryStore.builder().sweepInterval(Duration.ofMillis(20)).clock(clock).build();
            store.set("short", expiringIn(Duration.ofSeconds(1)));
            store.set("long", expiringIn(Duration.ofHours(1)));
            clock.advance(Duration.ofSeconds(2));
            awaitSize(1);
            assertThat(store.ids()).containsExactly("long");
        }

        @Test
        void sweepNowReportsHowManyWent() {
            store = MemoryStore.builder().clock(clock).build();
            store.set("a", expiringIn(Duration.ofSeconds(1)));
            store.set("b", expiringIn(Duration.ofSeconds(1)));
            store.set("c", expiringIn(Duration.ofHours(1)));
            clock.advance(Duration.ofSeconds(2));
            assertThat(store.sweep()).isEqualTo(2);
            assertThat(store.size()).isOne();
        }

        @Test
        void stopsAfterClose() throws InterruptedException {
            store = MemoryStore.builder().sweepInterval(Duration.ofMillis(20)).clock(clock).build();
            store.close();
            store.set("short", expiringIn(Duration.ofSeconds(1)));
            clock.advance(Duration.ofSeconds(2));
            Thread.sleep(300);
            assertThat(store.size()).isOne();
            assertThat(store.get("short")).isEmpty();
        }
    }

    @Nested
    class WhenASessionHasNoExpiry {

        @Test
        void livesForTheDefaultTtl() {
            store = MemoryStore.builder().defaultTtl(Duration.ofHours(1)).clock(clock).build();
            store.set("browser", browserSession());
            clock.advance(Duration.ofMinutes(59));
            assertThat(store.get("browser")).isPresent();
            clock.advance(Duration.ofMinutes(2));
            assertThat(store.get("browser")).isEmpty();
        }

        @Test
        void livesOneDayByDefault() {
            store = MemoryStore.builder().clock(clock).build();
            store.set("browser", browserSession());
            clock.advance(Duration.ofHours(23));
            assertThat(store.get("browser")).isPresent();
            clock.advance(Duration.ofHours(2));
            assertThat(store.get("browser")).isEmpty();
        }

        @Test
        void aTouchRestartsTheDefaultTtl() {
            store = MemoryStore.builder().defaultTtl(Duration.ofHours(1)).clock(clock).build();
            store.set("browser", browserSession());
            clock.advance(Duration.ofMinutes(50));
            store.touch("browser", browserSession());
            clock.advance(Duration.ofMinutes(50));
            assertThat(store.get("browser")).isPresent();
        }
    }

    @Nested
    class WhenTouched {

        @Test
        void keepsTheStoredDocumentAndMovesTheExpiry() {
            store = MemoryStore.builder().clock(clock).build();
            StoredSession original = expiringIn(Duration.ofMinutes(1));
            store.set("s", original);
            StoredSession later = expiringIn(Duration.ofHours(1));
            store.touch("s", later);
            clock.advance(Duration.ofMinutes(30));
            assertThat(store.get("s")).hasValueSatisfying(s -> {
                assertThat(s.json()).isEqualTo(original.json());
                assertThat(s.expires()).isEqualTo(later.expires());
            });
        }
    }
}
