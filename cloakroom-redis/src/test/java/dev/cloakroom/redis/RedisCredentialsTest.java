package dev.cloakroom.redis;

import dev.cloakroom.SessionStoreException;
import dev.cloakroom.StoredSession;
import dev.cloakroom.testkit.lifecycle.CapturedOutput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void aWrongPasswordIsReportedAsWrongpass() {
        try (CapturedOutput log = new CapturedOutput(); RedisStore store = RedisStore.connect(uri(":not-the-password@"))) {
            assertThatThrownBy(() -> store.get("some-id"))
                    .isInstanceOf(SessionStoreException.class)
                    .hasMessageContaining("Redis answered WRONGPASS")
                    .hasMessageContaining("check the password in the Redis URI")
                    .hasMessageNotContaining("not-the-password");
            assertThat(log.text()).contains("Redis answered WRONGPASS").contains("check the password in the Redis URI")
                    .doesNotContain("not reachable").doesNotContain("not-the-password");
        }
    }

    @Test
    void aMissingPasswordIsReportedAsNoauth() {
        try (CapturedOutput log = new CapturedOutput(); RedisStore store = RedisStore.connect(uri(""))) {
            assertThatThrownBy(() -> store.set("some-id", new StoredSession("{}", Instant.now().plusSeconds(60))))
                    .isInstanceOf(SessionStoreException.class)
                    .hasMessageContaining("Redis answered NOAUTH")
                    .hasMessageContaining("check the password in the Redis URI");
            assertThat(log.text()).doesNotContain("not reachable");
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
