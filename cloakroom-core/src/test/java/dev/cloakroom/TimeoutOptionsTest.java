package dev.cloakroom;

import dev.cloakroom.lifecycle.NoSessionIdInLogs;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code idleTimeout} and {@code absoluteTimeout}: unset by default, refused at build() when they make no sense. */
@ExtendWith(NoSessionIdInLogs.class)
class TimeoutOptionsTest {

    private static SessionOptions.Builder valid() {
        return SessionOptions.builder().secret("a secret of at least thirty-two bytes, honestly");
    }

    @Test
    void areUnsetByDefault() {
        SessionOptions options = valid().build();

        assertThat(options.idleTimeout()).isEmpty();
        assertThat(options.absoluteTimeout()).isEmpty();
    }

    @Test
    void areKeptAsGiven() {
        SessionOptions options = valid().idleTimeout(Duration.ofMinutes(15)).absoluteTimeout(Duration.ofHours(8)).build();

        assertThat(options.idleTimeout()).contains(Duration.ofMinutes(15));
        assertThat(options.absoluteTimeout()).contains(Duration.ofHours(8));
    }

    @Test
    void acceptAnIdleTimeoutEqualToAFixedCookieMaxAge() {
        SessionOptions options = valid().cookie(c -> c.maxAge(Duration.ofMinutes(30))).idleTimeout(Duration.ofMinutes(30)).build();

        assertThat(options.idleTimeout()).contains(Duration.ofMinutes(30));
    }

    @Nested
    class WhenATimeoutIsInvalid {

        @Test
        void refusesAZeroAbsoluteTimeout() {
            assertThatThrownBy(() -> valid().absoluteTimeout(Duration.ZERO).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("absoluteTimeout must be positive, got PT0S");
        }

        @Test
        void refusesANegativeAbsoluteTimeout() {
            assertThatThrownBy(() -> valid().absoluteTimeout(Duration.ofSeconds(-5)).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("absoluteTimeout must be positive, got PT-5S");
        }

        @Test
        void refusesAZeroIdleTimeout() {
            assertThatThrownBy(() -> valid().idleTimeout(Duration.ZERO).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("idleTimeout must be positive, got PT0S");
        }

        @Test
        void refusesANegativeIdleTimeout() {
            assertThatThrownBy(() -> valid().idleTimeout(Duration.ofMinutes(-1)).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("idleTimeout must be positive, got PT-1M");
        }

        @Test
        void refusesAnIdleTimeoutNotShorterThanTheAbsoluteOne() {
            assertThatThrownBy(() -> valid().idleTimeout(Duration.ofHours(1)).absoluteTimeout(Duration.ofHours(1)).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("idleTimeout (PT1H) must be shorter than absoluteTimeout (PT1H)");
        }

        @Test
        void refusesAnIdleTimeoutLongerThanAFixedCookieMaxAge() {
            assertThatThrownBy(() -> valid().cookie(c -> c.maxAge(Duration.ofMinutes(10))).idleTimeout(Duration.ofMinutes(30)).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("idleTimeout (PT30M) must not be longer than cookie.maxAge (PT10M)");
        }

        @Test
        void refusesATouchAfterNotShorterThanTheIdleTimeout() {
            assertThatThrownBy(() -> valid().touchAfter(Duration.ofMinutes(5)).idleTimeout(Duration.ofMinutes(5)).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("touchAfter (PT5M) must be shorter than idleTimeout (PT5M)");
        }
    }
}
