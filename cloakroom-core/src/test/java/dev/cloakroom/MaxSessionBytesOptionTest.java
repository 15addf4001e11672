package dev.cloakroom;

import dev.cloakroom.lifecycle.NoSessionIdInLogs;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(NoSessionIdInLogs.class)
class MaxSessionBytesOptionTest {

    private static SessionOptions.Builder valid() {
        return SessionOptions.builder().secret("keyboard cat");
    }

    @Nested
    class ByDefault {

        @Test
        void is256KiB() {
            assertThat(valid().build().maxSessionBytes()).isEqualTo(256 * 1024).isEqualTo(SessionOptions.DEFAULT_MAX_SESSION_BYTES);
        }
    }

    @Nested
    class WhenSet {

        @Test
        void keepsTheValue() {
            assertThat(valid().maxSessionBytes(4096).build().maxSessionBytes()).isEqualTo(4096);
        }

        @Test
        void acceptsTheSmallestAllowed() {
            assertThat(valid().maxSessionBytes(1024).build().maxSessionBytes()).isEqualTo(1024);
        }

        @Test
        void refusesLessThan1024NamingTheOption() {
            assertThatThrownBy(() -> valid().maxSessionBytes(1023).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("maxSessionBytes must be at least 1024")
                    .hasMessageContaining("got 1023");
        }

        @Test
        void refusesZeroAndNegatives() {
            assertThatThrownBy(() -> valid().maxSessionBytes(0).build()).hasMessageContaining("maxSessionBytes");
            assertThatThrownBy(() -> valid().maxSessionBytes(-1).build()).hasMessageContaining("maxSessionBytes");
        }
    }
}
