package dev.cloakroom.redis;

import dev.cloakroom.StoredSession;
import dev.cloakroom.TouchedSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The touching read ({@link RedisStore#getAndTouch}) against the user index: a bound session's TTL
 * moves in the read only within what its index entry covers, so no read leaves a live session
 * unlisted; past the cover, the touch at the end of the request raises the entry first.
 */
class RedisReadTouchTest {

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
                + "\"__cloakroom\":{\"created\":1,\"user\":\"" + user + "\"}}", expires);
    }

    private long sessionEndsAt(String id) {
        return System.currentTimeMillis() + redis.raw().pttl("sess:" + id);
    }

    private long entryScore(String user, String id) {
        Double score = redis.raw().zscore(store.indexKey(user), id);
        assertThat(score).as("index entry of %s", id).isNotNull();
        return score.longValue();
    }

    @Nested
    class ABoundSession {

        @Test
        void movesInTheReadWhileItsEntryCoversTheNewExpiry() {
            store.set("s", bound("alice", Instant.now().plusSeconds(600)));
            redis.raw().expire("sess:s", 300);

            TouchedSession read = store.getAndTouch("s", Instant.now().plusSeconds(600), Duration.ZERO).orElseThrow();

            assertThat(read.touched()).isTrue();
            assertThat(redis.raw().pttl("sess:s")).isGreaterThan(590_000);
            assertThat(entryScore("alice", "s")).isGreaterThanOrEqualTo(sessionEndsAt("s"));
        }

        @Test
        void isLeftAloneByAReadPastItsEntrysCoverAndTheTouchRaisesTheEntryFirst() {
            store.set("s", bound("alice", Instant.now().plusSeconds(60)));
            String json = store.get("s").orElseThrow().json();

            TouchedSession read = store.getAndTouch("s", Instant.now().plusSeconds(3600), Duration.ZERO).orElseThrow();

            assertThat(read.touched()).isFalse();
            assertThat(redis.raw().pttl("sess:s")).isLessThanOrEqualTo(60_000);
            store.touch("s", new StoredSession(json, Instant.now().plusSeconds(3600)));
            assertThat(entryScore("alice", "s")).isGreaterThanOrEqualTo(sessionEndsAt("s"));
        }

        @Test
        void isLeftAloneByAProcessThatNeverIndexedIt() {
            store.set("s", bound("alice", Instant.now().plusSeconds(600)));
            redis.raw().expire("sess:s", 300);
            try (RedisStore other = RedisStore.connect(redis.uri())) {
                TouchedSession read = other.getAndTouch("s", Instant.now().plusSeconds(600), Duration.ZERO).orElseThrow();

                assertThat(read.touched()).isFalse();
                assertThat(redis.raw().pttl("sess:s")).isLessThanOrEqualTo(300_000);
            }
        }
    }

    @Nested
    class AnUnboundSession {

        @Test
        void movesInTheReadEvenWhenAnAttributeIsNamedUser() {
            String json = "{\"cookie\":{\"originalMaxAge\":60000,\"path\":\"/\"},\"__cloakroom\":{\"created\":1},"
                    + "\"user\":{\"name\":\"alice\"}}";
            store.set("s", new StoredSession(json, Instant.now().plusSeconds(60)));

            TouchedSession read = store.getAndTouch("s", Instant.now().plusSeconds(600), Duration.ZERO).orElseThrow();

            assertThat(read.touched()).isTrue();
            assertThat(redis.raw().pttl("sess:s")).isGreaterThan(590_000);
        }

        @Test
        void thatNodeWroteMovesInTheReadOfAnyProcess() {
            redis.raw().set("sess:s", "{\"cookie\":{\"originalMaxAge\":60000,\"path\":\"/\"},\"views\":3}");
            redis.raw().expire("sess:s", 60);

            TouchedSession read = store.getAndTouch("s", Instant.now().plusSeconds(600), Duration.ZERO).orElseThrow();

            assertThat(read.touched()).isTrue();
            assertThat(redis.raw().pttl("sess:s")).isGreaterThan(590_000);
        }
    }
}
