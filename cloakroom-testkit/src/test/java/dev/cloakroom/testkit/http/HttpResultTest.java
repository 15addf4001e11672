package dev.cloakroom.testkit.http;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpResultTest {

    private static HttpResult withSetCookies(String... setCookies) {
        return new HttpResult(200, "", List.of(setCookies), Map.of());
    }

    @Nested
    class RequireCookie {

        @Test
        void returnsTheOnlyCookieOfThatName() {
            HttpResult result = withSetCookies("other=1; Path=/", "connect.sid=s%3Aabc.sig; Path=/; HttpOnly");
            assertThat(result.requireCookie("connect.sid").value()).isEqualTo("s%3Aabc.sig");
        }

        @Test
        void failsWhenTheResponseSetNone() {
            assertThatThrownBy(() -> withSetCookies("other=1; Path=/").requireCookie("connect.sid"))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("other=1");
        }

        @Test
        void failsWhenTheResponseSetTheSameCookieTwice() {
            HttpResult result = withSetCookies("connect.sid=s%3Aabc.sig; Path=/", "connect.sid=s%3Adef.sig; Path=/");
            assertThatThrownBy(() -> result.requireCookie("connect.sid"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("s%3Aabc.sig").hasMessageContaining("s%3Adef.sig");
        }
    }

    @Nested
    class Cookie {

        @Test
        void isEmptyWhenTheResponseSetNone() {
            assertThat(withSetCookies("other=1; Path=/").cookie("connect.sid")).isEmpty();
        }

        @Test
        void failsWhenTheResponseSetTheSameCookieTwice() {
            HttpResult result = withSetCookies("connect.sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
                    "connect.sid=s%3Adef.sig; Path=/");
            assertThatThrownBy(() -> result.cookie("connect.sid")).isInstanceOf(AssertionError.class);
        }
    }
}
