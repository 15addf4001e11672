package dev.cloakroom.redis;

import dev.cloakroom.StoredSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that has not seen the store's scripts (restarted, a new node, {@code SCRIPT FLUSH})
 * answers EVALSHA with NOSCRIPT; the store then sends the script itself, and the request goes on.
 */
class RedisScriptFlushTest {

    @RegisterExtension
    static final RedisForClass redis = RedisForClass.standalone();

    private RedisStore store;

    @BeforeEach
    void open() {
        redis.flush();
        store = RedisStore.builder().uri(redis.uri()).build();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static StoredSession session(String mark, Instant expires) {
        return new StoredSession("{\"cookie\":{\"originalMaxAge\":60000,\"expires\":\"" + expires + "\",\"path\":\"/\"},"
                + "\"mark\":\"" + mark + "\"}", expires);
    }

    @Test
    void everyScriptOnTheRequestPathLoadsItselfAgain() {
        Instant expires = Instant.now().plusSeconds(600);
        store.set("s", session("one", expires));

        redis.raw().scriptFlush();
        assertThat(store.get("s").orElseThrow().json()).contains("\"one\"");

        redis.raw().scriptFlush();
        redis.raw().expire("sess:s", 300);
        assertThat(store.getAndTouch("s", expires, Duration.ZERO).orElseThrow().touched()).isTrue();
        assertThat(redis.raw().pttl("sess:s")).isGreaterThan(590_000);

        redis.raw().scriptFlush();
        String stored = store.get("s").orElseThrow().json();
        redis.raw().scriptFlush();
        assertThat(store.replace("s", stored, session("two", expires))).isTrue();
        assertThat(store.get("s").orElseThrow().json()).contains("\"two\"");
        redis.raw().scriptFlush();
        assertThat(store.replace("s", stored, session("three", expires))).as("the old text no longer matches").isFalse();
    }
}
