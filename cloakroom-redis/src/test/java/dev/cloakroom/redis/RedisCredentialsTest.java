package dev.cloakroom.redis;

import dev.cloakroom.SessionStoreException;
import dev.cloakroom.StoredSession;
import dev.cloakroom.testkit.lifecycle.CapturedOutput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A Redis with {@code requirepass}: a wrong or missing password is named as such, not as an outage. */
class RedisCredentialsTest {

    private static final String PASSWORD = "correct-horse-battery";
    private static EmbeddedRedis redis;

    @BeforeAll
    static void start() {
        redis = EmbeddedRedis.launch("requirepass " + PASSWORD);
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    private static String uri(String userInfo) {
        return "redis://" + userInfo + "127.0.0.1:" + redis.port;
    }

    /**
     * The failure a call reports. Lettuce learns of a refused password during its connection
     * handshake, and sometimes sees the connection close before it reads Redis's reply; then it
     * reports only that. Each call connects anew, so a few calls are allowed to surface the reply.
     */
    private static SessionStoreException refusal(RedisStore store, Runnable call, String expected) {
        SessionStoreException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                call.run();
                throw new AssertionError("the call succeeded without the right password");
            } catch (SessionStoreException e) {
                last = e;
                if (e.getMessage().contains(expected)) {
                    return e;
                }
            }
        }
        throw new AssertionError("no call reported " + expected + "; the last said: " + last.getMessage());
    }

    @Test
    void aWrongPasswordIsReportedAsWrongpass() {
        try (CapturedOutput log = new CapturedOutput(); RedisStore store = RedisStore.connect(uri(":not-the-password@"))) {
            SessionStoreException e = refusal(store, () -> store.get("some-id"), "Redis answered WRONGPASS");
            assertThat(e.getMessage()).contains("check the password in the Redis URI").doesNotContain("not-the-password");
            assertThat(log.text()).as("the password is never logged").doesNotContain("not-the-password");
        }
    }

    @Test
    void aMissingPasswordIsReportedAsNoauth() {
        try (RedisStore store = RedisStore.connect(uri(""))) {
            SessionStoreException e = refusal(store,
                    () -> store.set("some-id", new StoredSession("{}", Instant.now().plusSeconds(60))), "Redis answered NOAUTH");
            assertThat(e.getMessage()).contains("check the password in the Redis URI");
        }
    }

    @Test
    void theRightPasswordWorks() {
        try (RedisStore store = RedisStore.connect(uri(":" + PASSWORD + "@"))) {
            store.set("some-id", new StoredSession("{}", Instant.now().plusSeconds(60)));
            assertThat(store.get("some-id")).isPresent();
        }
    }
}
