package dev.cloakroom.redis;

import io.lettuce.core.resource.Delay;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How soon a store of its own finds Redis again after an outage is set by the wait between
 * reconnect attempts; the fault test (cloakroom-bench/fault) measures the result under load.
 */
class RedisReconnectDelayTest {

    @Nested
    class WhenRedisStaysDownForLong {

        @Test
        void attemptsAreNeverMoreThanASecondApart() {
            Delay delay = RedisConnector.reconnectDelay();
            for (long attempt = 1; attempt <= 1000; attempt++) {
                assertThat(delay.createDelay(attempt)).as("attempt %d", attempt)
                        .isLessThanOrEqualTo(Duration.ofSeconds(1))
                        .isGreaterThanOrEqualTo(Duration.ofMillis(50));
            }
        }
    }

    @Nested
    class WhenRedisHasJustGone {

        @Test
        void theFirstAttemptsComeQuickly() {
            assertThat(RedisConnector.reconnectDelay().createDelay(1)).isEqualTo(Duration.ofMillis(50));
        }
    }
}
