package dev.cloakroom;

import dev.cloakroom.lifecycle.NoSessionIdInLogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MemoryStore keeps sessions bound to a user apart from anonymous ones: bound ones may use the
 * whole budget, anonymous ones what is left, and a write that binds or unbinds a session moves it
 * between the two without losing the store's promises.
 */
@ExtendWith(NoSessionIdInLogs.class)
class MemoryStoreBoundSessionsTest {

    private static final class HandClock extends Clock {
        volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
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

    private final HandClock clock = new HandClock();
    private MemoryStore store;

    @AfterEach
    void close() {
        store.close();
    }

    private MemoryStore build(MemoryStore.Builder b) {
        store = b.clock(clock).build();
        return store;
    }

    private StoredSession session(String user, String padding, Duration lifetime) {
        String bound = user == null ? "" : ",\"__cloakroom\":{\"user\":\"" + user + "\"}";
        return new StoredSession("{\"cookie\":{},\"pad\":\"" + padding + "\"" + bound + "}", clock.now.plus(lifetime));
    }

    private StoredSession anonymous() {
        return session(null, "", Duration.ofHours(1));
    }

    private StoredSession boundTo(String user) {
        return session(user, "", Duration.ofHours(1));
    }

    @Nested
    class WhenBoundSessionsFillTheStore {

        @Test
        void theyTakeTheRoomOfAnonymousOnes() {
            build(MemoryStore.builder().maxSessions(100));
            for (int i = 0; i < 100; i++) {
                store.set("anon-" + i, anonymous());
            }
            for (int i = 0; i < 100; i++) {
                store.set("user-" + i, boundTo("u" + i));
                assertThat(store.size()).isLessThanOrEqualTo(100);
            }

            assertThat(store.boundSize()).isEqualTo(100);
            assertThat(store.size()).as("no anonymous session is left").isEqualTo(100);
            store.set("one-more-anonymous", anonymous());
            assertThat(store.get("one-more-anonymous")).as("no room is left for it").isEmpty();
            assertThat(store.boundSize()).isEqualTo(100);
        }

        @Test
        void anonymousOnesGetTheRoomBackWhenBoundOnesAreDestroyedOrExpire() {
            build(MemoryStore.builder().maxSessions(100));
            for (int i = 0; i < 50; i++) {
                store.set("destroyed-" + i, boundTo("u" + i));
                store.set("expiring-" + i, session("v" + i, "", Duration.ofMinutes(1)));
            }
            for (int i = 0; i < 50; i++) {
                store.destroy("destroyed-" + i);
            }
            clock.now = clock.now.plus(Duration.ofMinutes(2));
            store.sweep();

            for (int i = 0; i < 200; i++) {
                store.set("anon-" + i, anonymous());
            }
            assertThat(store.boundSize()).isZero();
            assertThat(store.size()).as("anonymous sessions fill the whole store again").isEqualTo(100);
        }
    }

    @Nested
    class UnderAMixedFlood {

        /**
         * Writes of sizes from 0 to 6 KB to 5,000 ids, of which 300 are bound and unbound by turns,
         * and destroys: after every write both bounds hold over the two kinds together, and at the
         * end the user index holds exactly the bound sessions that are left.
         */
        @Test
        void theCountAndTheBytesHoldOverBothKindsAndTheIndexIsExact() {
            int maxSessions = 500;
            long maxBytes = 500L * 4096;
            build(MemoryStore.builder().maxSessions(maxSessions).maxBytes(maxBytes));
            Random random = new Random(7);
            Map<String, String> userOf = new HashMap<>();
            for (int i = 0; i < 20_000; i++) {
                int n = random.nextInt(5_000);
                String id = "s" + n;
                String user = n < 300 && random.nextInt(3) != 0 ? "u" + random.nextInt(100) : null;
                StoredSession next = session(user, "x".repeat(random.nextInt(3_000)), Duration.ofHours(1));
                switch (random.nextInt(10)) {
                    case 0 -> store.destroy(id);
                    case 1, 2 -> store.get(id).ifPresent(s -> store.replace(id, s.json(), next));
                    default -> store.set(id, next);
                }
                assertThat(store.size()).as("sessions after write %d", i).isLessThanOrEqualTo(maxSessions);
                assertThat(store.chargedBytes()).as("bytes after write %d", i).isLessThanOrEqualTo(maxBytes);
            }

            store.all().forEach((id, s) -> s.boundUser().ifPresent(u -> userOf.put(id, u)));
            assertThat(store.boundSize()).isEqualTo(userOf.size());
            assertThat(userOf).as("some sessions of each kind are left").isNotEmpty().hasSizeLessThan(store.size());
            int indexed = 0;
            for (String user : new HashSet<>(userOf.values())) {
                Map<String, StoredSession> listed = store.sessionsOf(user);
                listed.keySet().forEach(id -> assertThat(userOf).containsEntry(id, user));
                indexed += listed.size();
            }
            assertThat(indexed).as("every bound session is listed under its user, once").isEqualTo(userOf.size());
            assertThat(store.indexEntries()).isEqualTo(userOf.size() + (int) userOf.values().stream().distinct().count());
        }
    }

    @Nested
    class WhenAWriteBindsOrUnbindsASession {

        @Test
        void aReplaceMovesItAndTheIndexFollows() {
            build(MemoryStore.builder());
            store.set("id", anonymous());

            assertThat(store.replace("id", anonymous().json(), boundTo("alice"))).isTrue();
            assertThat(store.get("id")).hasValue(boundTo("alice"));
            assertThat(store.boundSize()).isOne();
            assertThat(store.sessionsOf("alice")).containsOnlyKeys("id");

            assertThat(store.replace("id", boundTo("alice").json(), anonymous())).isTrue();
            assertThat(store.get("id")).hasValue(anonymous());
            assertThat(store.boundSize()).isZero();
            assertThat(store.size()).isOne();
            assertThat(store.sessionsOf("alice")).isEmpty();
            assertThat(store.indexEntries()).isZero();
        }

        @Test
        void aReplaceThatExpectsAnotherDocumentNeitherMovesNorChangesIt() {
            build(MemoryStore.builder());
            store.set("id", anonymous());

            assertThat(store.replace("id", "{\"cookie\":{},\"other\":1}", boundTo("alice"))).isFalse();
            assertThat(store.get("id")).hasValue(anonymous());
            assertThat(store.boundSize()).isZero();
            assertThat(store.sessionsOf("alice")).isEmpty();
        }

        @Test
        void touchAndDestroyFindItOnEitherSide() {
            build(MemoryStore.builder());
            store.set("a", anonymous());
            store.set("b", boundTo("bob"));
            StoredSession later = session(null, "", Duration.ofHours(5));
            store.touch("a", later);
            store.touch("b", later);

            assertThat(store.get("a").orElseThrow().expires()).isEqualTo(later.expires());
            assertThat(store.get("b").orElseThrow().expires()).isEqualTo(later.expires());
            assertThat(store.get("b").orElseThrow().json()).as("a touch keeps the document").isEqualTo(boundTo("bob").json());
            store.destroy("a");
            store.destroy("b");
            assertThat(store.size()).isZero();
            assertThat(store.indexEntries()).isZero();
        }

        @Test
        void sixteenRacingReplacesThatBindOneDocumentHaveOneWinner() throws Exception {
            build(MemoryStore.builder());
            for (int round = 0; round < 50; round++) {
                String id = "race-" + round;
                store.set(id, anonymous());
                AtomicInteger winners = new AtomicInteger();
                List<String> won = Collections.synchronizedList(new ArrayList<>());
                race(16, t -> {
                    String user = "user-" + id + "-" + t;
                    if (store.replace(id, anonymous().json(), boundTo(user))) {
                        winners.incrementAndGet();
                        won.add(user);
                    }
                });
                assertThat(winners).as("winners in round %d", round).hasValue(1);
                assertThat(store.get(id)).hasValue(boundTo(won.get(0)));
                assertThat(store.sessionsOf(won.get(0))).containsOnlyKeys(id);
            }
            assertThat(store.size()).isEqualTo(50);
            assertThat(store.boundSize()).isEqualTo(50);
            assertThat(store.indexEntries()).isEqualTo(100);
        }

        /**
         * A read may meet the session on either side mid-move, never on neither. The writer keeps
         * moving it until the readers have made 50,000 reads, so the reads overlap the moves.
         */
        @Test
        void aReadDuringTheMovesAlwaysFindsTheSession() throws Exception {
            build(MemoryStore.builder());
            store.set("moving", anonymous());
            AtomicBoolean moving = new AtomicBoolean(true);
            AtomicInteger misses = new AtomicInteger();
            AtomicInteger reads = new AtomicInteger();
            AtomicInteger moves = new AtomicInteger();
            race(3, t -> {
                if (t == 0) {
                    for (int i = 0; i < 20_000 || reads.get() < 50_000; i++) {
                        store.set("moving", i % 2 == 0 ? boundTo("alice") : anonymous());
                        moves.incrementAndGet();
                    }
                    moving.set(false);
                } else {
                    while (moving.get()) {
                        if (store.get("moving").isEmpty()) {
                            misses.incrementAndGet();
                        }
                        reads.incrementAndGet();
                    }
                }
            });
            assertThat(moves.get()).isGreaterThanOrEqualTo(20_000);
            assertThat(misses).as("of %d reads during %d moves, reads that found no session", reads.get(), moves.get())
                    .hasValue(0);
        }
    }

    @Nested
    class WhenABoundSessionExpires {

        @Test
        void theSweepTellsItOnceAndAnonymousOnesGetItsRoom() {
            build(MemoryStore.builder().maxSessions(10));
            List<String> told = new ArrayList<>();
            SweepingSessionStore.ExpiryReceiver receiver = new SweepingSessionStore.ExpiryReceiver() {
                @Override
                public void expired(String id) {
                    told.add(id);
                }

                @Override
                public void pruned(int count) {
                    told.add("pruned " + count);
                }
            };
            store.onExpiry(receiver);
            for (int i = 0; i < 10; i++) {
                store.set("bound-" + i, session("u" + i, "", Duration.ofMinutes(1)));
            }
            clock.now = clock.now.plus(Duration.ofMinutes(2));

            assertThat(store.sweep()).isEqualTo(10);
            assertThat(told).hasSize(10).doesNotHaveDuplicates().allMatch(id -> id.startsWith("bound-"));
            for (int i = 0; i < 10; i++) {
                store.set("anon-" + i, anonymous());
            }
            assertThat(store.size()).isEqualTo(10);
            assertThat(store.sweep()).isZero();
            assertThat(told).hasSize(10);
        }
    }

    private interface Task {
        void run(int thread) throws Exception;
    }

    private static void race(int threads, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    task.run(thread);
                    return null;
                }));
            }
            start.countDown();
            for (Future<Object> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
