package dev.cloakroom.redis;

import dev.cloakroom.StoredSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bytes in Redis are connect-redis 9's, checked with a plain Lettuce connection as a Node app
 * would see them: key {@code sess:<id>}, value the JSON text, TTL in whole seconds rounded up.
 */
class RedisFormatTest {

    private static final String JSON = "{\"cookie\":{\"originalMaxAge\":60000,\"expires\":\"2030-01-01T00:00:00.000Z\","
            + "\"httpOnly\":true,\"path\":\"/\"},\"user\":\"ada\",\"note\":\"ünïcødé ✓\"}";

    @RegisterExtension
    static final RedisForClass redis = RedisForClass.standalone();
    private RedisStore store;

    @BeforeEach
    void openStore() {
        redis.flush();
        store = RedisStore.connect(redis.uri());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /**
     * The TTL connect-redis would set, {@code expectedSeconds} at {@code since} (taken before the
     * write): read back later it may have lost the whole seconds elapsed since then and one more
     * for rounding, however slow the machine, and never more than it was set to.
     */
    private static void assertTtlNear(String key, long expectedSeconds, Instant since) {
        long ttl = redis.raw().ttl(key);
        long elapsed = Duration.between(since, Instant.now()).toSeconds();
        assertThat(ttl).as("TTL of %s", key).isBetween(expectedSeconds - elapsed - 1, expectedSeconds);
    }

    @Nested
    class WhenASessionIsSet {

        @Test
        void theKeyIsThePrefixAndTheIdAndTheValueIsExactlyTheJson() {
            store.set("abc", new StoredSession(JSON, Instant.now().plusSeconds(600)));
            assertThat(redis.raw().get("sess:abc")).isEqualTo(JSON);
            assertThat(redis.raw().keys("*")).containsExactly("sess:abc");
        }

        /**
         * Read in milliseconds: a TTL rounded up keeps the key at least until the expiry, one rounded
         * down drops it up to a second early. Bounds come from the clock around the calls, not from a
         * fixed window, so a slow machine cannot fail it (it can only make a rounded-down TTL harder
         * to see: 0.9 s of fraction leaves that much time for the calls).
         */
        @Test
        void theTtlIsTheSecondsUntilItExpiresRoundedUp() {
            Instant before = Instant.now();
            Instant expires = before.plusMillis(90_900);
            store.set("abc", new StoredSession(JSON, expires));
            long pttl = redis.raw().pttl("sess:abc");
            Instant after = Instant.now();
            long slack = 2; // Redis counts whole milliseconds
            assertThat(pttl).as("PTTL in ms").isGreaterThanOrEqualTo(Duration.between(after, expires).toMillis() - slack)
                    .isLessThanOrEqualTo(Duration.between(before, expires).toMillis() + 1_000 + slack);
        }

        @Test
        void aSessionWithoutExpiryLivesOneDay() {
            Instant since = Instant.now();
            store.set("abc", new StoredSession(JSON, null));
            assertTtlNear("sess:abc", 86_400, since);
        }

        @Test
        void anExpiryInThePastDeletesTheKey() {
            store.set("abc", new StoredSession(JSON, Instant.now().plusSeconds(600)));
            store.set("abc", new StoredSession(JSON, Instant.now().minusSeconds(1)));
            assertThat(redis.raw().exists("sess:abc")).isZero();
        }
    }

    @Nested
    class WhenASessionIsTouched {

        @Test
        void onlyTheTtlChanges() {
            Instant since = Instant.now();
            store.set("abc", new StoredSession(JSON, Instant.now().plusSeconds(60)));
            store.touch("abc", new StoredSession("{\"cookie\":{},\"other\":\"text\"}", Instant.now().plusSeconds(3600)));
            assertThat(redis.raw().get("sess:abc")).isEqualTo(JSON);
            assertTtlNear("sess:abc", 3600, since);
        }

        @Test
        void anExpiryInThePastDeletesTheKey() {
            store.set("abc", new StoredSession(JSON, Instant.now().plusSeconds(60)));
            store.touch("abc", new StoredSession(JSON, Instant.now().minusSeconds(1)));
            assertThat(redis.raw().exists("sess:abc")).isZero();
        }
    }

    @Nested
    class WhenAReplaceSucceeds {

        @Test
        void theNewTextAndTtlAreStored() {
            Instant since = Instant.now();
            store.set("abc", new StoredSession(JSON, Instant.now().plusSeconds(60)));
            String next = JSON.replace("ada", "grace");
            assertThat(store.replace("abc", JSON, new StoredSession(next, Instant.now().plusSeconds(7200)))).isTrue();
            assertThat(redis.raw().get("sess:abc")).isEqualTo(next);
            assertTtlNear("sess:abc", 7200, since);
        }
    }

    @Nested
    class WhenThePrefixIsCustom {

        @Test
        void keysUseItAndListingSeesOnlyThem() {
            redis.raw().set("other:zzz", "{}");
            try (RedisStore custom = RedisStore.builder().uri(redis.uri()).prefix("app[1]:").build()) {
                custom.set("abc", new StoredSession(JSON, null));
                redis.raw().set("app1:not-ours", "{}");
                assertThat(redis.raw().get("app[1]:abc")).isEqualTo(JSON);
                assertThat(custom.ids()).containsExactly("abc");
                custom.clear();
            }
            assertThat(redis.raw().exists("other:zzz", "app1:not-ours")).isEqualTo(2);
        }

        @Test
        void theDefaultTtlIsConfigurable() {
            Instant since = Instant.now();
            try (RedisStore custom = RedisStore.builder().uri(redis.uri()).defaultTtl(Duration.ofHours(2)).build()) {
                custom.set("abc", new StoredSession(JSON, null));
            }
            assertTtlNear("sess:abc", 7200, since);
        }
    }

    @Nested
    class WhenANodeAppWroteTheSession {

        @Test
        void itIsReadAsWritten() {
            redis.raw().setex("sess:from-node", 600, JSON);
            assertThat(store.get("from-node")).map(StoredSession::json).contains(JSON);
            assertThat(store.ids()).containsExactly("from-node");
        }
    }

    @Nested
    class WhenSessionsAreListed {

        /**
         * KEYS blocks Redis while it walks every key in the database; the README promises SCAN.
         * Redis's own command statistics show which of the two the listing, counting and clearing
         * sent, whatever client library sits in between.
         */
        @Test
        void theStoreSendsScanAndNeverKeys() {
            for (int i = 0; i < 30; i++) {
                store.set("s" + i, new StoredSession(JSON, null));
            }
            redis.raw().configResetstat();

            assertThat(store.ids()).hasSize(30);
            assertThat(store.length()).isEqualTo(30);
            store.clear();

            String stats = redis.raw().info("commandstats");
            assertThat(stats).contains("cmdstat_scan:").doesNotContain("cmdstat_keys:");
            assertThat(redis.raw().keys("sess:*")).isEmpty();
        }
    }

    @Nested
    class WhenIdsContainGlobCharacters {

        @Test
        void listingAndDestroyNeverTouchOtherSessions() {
            store.set("a*", new StoredSession(JSON, null));
            store.set("a?c", new StoredSession(JSON, null));
            store.set("abc", new StoredSession(JSON, null));
            store.destroy("a*");
            store.destroy("a?c");
            assertThat(store.ids()).containsExactly("abc");
        }
    }
}
