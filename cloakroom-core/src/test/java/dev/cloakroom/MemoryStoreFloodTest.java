package dev.cloakroom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tracker issue 11, finding 1: an anonymous flood must not log users out. The store's capacity is
 * 10,000 sessions; 1,000 logged-in users use theirs between bursts of one-hit anonymous sessions,
 * 100,000 in all, ten times the capacity. Each burst alone is bigger than the room the active users
 * leave, so a store that evicts the least recently used session loses every one of them each burst.
 * Ids come from a seeded random, shaped like real ones, so a run is repeatable.
 */
class MemoryStoreFloodTest {

    private static final int CAPACITY = 10_000;
    private static final int ACTIVE_USERS = 1_000;
    private static final int BURSTS = 10;
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant IN_AN_HOUR = NOW.plusSeconds(3600);

    private final Random random = new Random(11);
    private final MemoryStore store = MemoryStore.builder()
            .maxSessions(CAPACITY)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build();

    @AfterEach
    void close() {
        store.close();
    }

    private String newId() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static StoredSession anonymous() {
        return new StoredSession("{\"cookie\":{\"originalMaxAge\":3600000,\"expires\":\"2026-01-01T01:00:00.000Z\","
                + "\"httpOnly\":true,\"path\":\"/\"},\"visits\":1}", IN_AN_HOUR);
    }

    private static StoredSession loggedIn(String user) {
        return new StoredSession("{\"cookie\":{\"originalMaxAge\":3600000,\"expires\":\"2026-01-01T01:00:00.000Z\","
                + "\"httpOnly\":true,\"path\":\"/\"},\"user\":\"" + user + "\",\"__cloakroom\":{\"user\":\"" + user + "\"}}",
                IN_AN_HOUR);
    }

    /** A login as the demo does it: the session is written, then read by the redirect and the next page. */
    private String logIn(String user) {
        String id = newId();
        store.set(id, loggedIn(user));
        store.get(id);
        store.get(id);
        return id;
    }

    /** One request of an active user: the session is read and its expiry moved. */
    private boolean use(String id) {
        boolean found = store.get(id).isPresent();
        if (found) {
            store.touch(id, store.get(id).get());
        }
        return found;
    }

    private void burst(int size) {
        for (int i = 0; i < size; i++) {
            store.set(newId(), anonymous());
        }
    }

    private static long kept(List<Boolean> found) {
        return found.stream().filter(b -> b).count();
    }

    @Nested
    class WhenOneHitSessionsFloodAFullStore {

        @Test
        void atLeast99PercentOfTheActiveUsersKeepTheirSessions() {
            List<String> active = new ArrayList<>();
            for (int u = 0; u < ACTIVE_USERS; u++) {
                active.add(logIn("user-" + u));
            }
            burst(CAPACITY);

            for (int b = 1; b < BURSTS; b++) {
                active.forEach(MemoryStoreFloodTest.this::use);
                burst(CAPACITY);
            }

            List<Boolean> found = active.stream().map(id -> store.get(id).isPresent()).toList();
            assertThat(kept(found)).as("active users still holding their session after %d one-hit sessions",
                    CAPACITY * BURSTS).isGreaterThanOrEqualTo(ACTIVE_USERS * 99L / 100);
            assertThat(store.size()).isLessThanOrEqualTo(CAPACITY);
            assertThat(store.sessionsOf("user-0")).as("the user index follows").hasSize(found.get(0) ? 1 : 0);
        }

        @Test
        void aUserWhoLogsInDuringTheFloodAndKeepsUsingTheSessionKeepsIt() {
            List<String> active = new ArrayList<>();
            for (int u = 0; u < ACTIVE_USERS; u++) {
                active.add(logIn("user-" + u));
            }
            burst(CAPACITY);
            List<String> latecomers = new ArrayList<>();
            for (int b = 1; b < BURSTS; b++) {
                active.forEach(MemoryStoreFloodTest.this::use);
                burst(CAPACITY / 2);
                latecomers.add(logIn("late-" + b));
                burst(CAPACITY / 2);
                latecomers.forEach(MemoryStoreFloodTest.this::use);
            }

            List<Boolean> found = latecomers.stream().map(id -> store.get(id).isPresent()).toList();
            assertThat(found).as("each user who logged in mid-flood and then used the session").containsOnly(true);
        }
    }
}
