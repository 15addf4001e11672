package dev.cloakroom.redis;

import dev.cloakroom.StoredSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How RedisStore keeps its user index in Redis: keys apart from the sessions, scores and TTLs that bound it. */
class RedisUserIndexTest {

    @RegisterExtension
    static final RedisForClass redis = RedisForClass.standalone();

    private RedisStore store;

    @BeforeEach
    void open() {
        redis.flush();
        store = RedisStore.builder().uri(redis.uri()).indexSlack(Duration.ofSeconds(1)).build();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static StoredSession bound(String user, Instant expires) {
        return new StoredSession("{\"cookie\":{\"originalMaxAge\":60000,\"expires\":\"" + expires + "\",\"path\":\"/\"},"
                + "\"__cloakroom\":{\"user\":\"" + user + "\"}}", expires);
    }

    private static void await(String what, Duration bound, java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Nested
    class WhereTheIndexLives {

        @Test
        void underItsOwnPrefixNamedByAHashThatTheSessionScanNeverCounts() {
            store.set("s1", bound("alice@example.com", Instant.now().plusSeconds(600)));

            List<String> keys = redis.raw().keys("*");
            assertThat(keys).containsExactlyInAnyOrder("sess:s1", store.indexKey("alice@example.com"));
            assertThat(store.indexKey("alice@example.com")).startsWith("sessidx:").doesNotContain("alice");
            assertThat(store.length()).isEqualTo(1);
            assertThat(store.ids()).containsExactly("s1");
        }

        @Test
        void aPrefixEitherStartingTheOtherIsRefused() {
            assertThatThrownBy(() -> RedisStore.builder().uri(redis.uri()).indexPrefix("sess:idx:").build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("indexPrefix");
            assertThatThrownBy(() -> RedisStore.builder().uri(redis.uri()).prefix("sessidx:app:").build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("indexPrefix");
        }
    }

    @Nested
    class WhatBoundsIt {

        @Test
        void theKeyExpiresNoEarlierThanItsLongestSessionAndAtMostHalfItsTtlLater() {
            store.set("short", bound("alice", Instant.now().plusSeconds(60)));
            store.set("long", bound("alice", Instant.now().plusSeconds(600)));

            long indexTtl = redis.raw().pttl(store.indexKey("alice"));
            long sessionTtl = redis.raw().pttl("sess:long");
            assertThat(indexTtl).isGreaterThanOrEqualTo(sessionTtl + 299_000).isLessThanOrEqualTo(sessionTtl * 3 / 2 + 2_000);
        }

        @Test
        void aTouchRaisesTheEntrySoItNeverEndsBeforeItsSession() {
            store.set("s", bound("alice", Instant.now().plusSeconds(60)));
            String json = store.get("s").orElseThrow().json();
            store.touch("s", new StoredSession(json, Instant.now().plusSeconds(3600)));

            long sessionEnds = System.currentTimeMillis() + redis.raw().pttl("sess:s");
            Double score = redis.raw().zscore(store.indexKey("alice"), "s");
            assertThat(score).isNotNull();
            assertThat(score.longValue()).isGreaterThanOrEqualTo(sessionEnds - 50);
            assertThat(redis.raw().pttl(store.indexKey("alice"))).isGreaterThanOrEqualTo(redis.raw().pttl("sess:s"));
        }

        @Test
        void destroyDeletesTheSessionAndItsEntry() {
            store.set("s", bound("alice", Instant.now().plusSeconds(60)));
            store.destroy("s");

            assertThat(redis.raw().exists("sess:s", store.indexKey("alice"))).isZero();
        }

        @Test
        void twoHundredSessionsThatExpireLeaveNoIndexKeyEvenWithNoRead() throws InterruptedException {
            Instant expires = Instant.now().plusMillis(1_000);
            IntStream.range(0, 200).forEach(i -> store.set("s" + i, bound("alice", expires)));
            assertThat(redis.raw().zcard(store.indexKey("alice"))).isEqualTo(200);

            await("the index key expires by its own TTL", Duration.ofSeconds(15),
                    () -> redis.raw().exists(store.indexKey("alice")) == 0);
            assertThat(redis.raw().keys("*")).isEmpty();
        }

        @Test
        void aReadAfterExpiryPrunesEveryEntry() throws InterruptedException {
            store.set("keeper", bound("bob", Instant.now().plusSeconds(600)));
            Instant expires = Instant.now().plusMillis(1_000);
            IntStream.range(0, 200).forEach(i -> store.set("s" + i, bound("bob", expires)));
            await("the sessions expire", Duration.ofSeconds(15), () -> redis.raw().exists("sess:s199") == 0);
            Thread.sleep(1_500);

            assertThat(store.sessionsOf("bob")).containsOnlyKeys("keeper");
            assertThat(redis.raw().zrange(store.indexKey("bob"), 0, -1)).containsExactly("keeper");
        }
    }
}
