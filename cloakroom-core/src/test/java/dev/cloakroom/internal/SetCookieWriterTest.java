package dev.cloakroom.internal;

import dev.cloakroom.CookieOptions;
import dev.cloakroom.Priority;
import dev.cloakroom.SameSite;
import dev.cloakroom.SecureMode;
import dev.cloakroom.lifecycle.NoSessionIdInLogs;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(NoSessionIdInLogs.class)
class SetCookieWriterTest {

    private static final String SIGNED_APPLE = "s:apple.D8Y+pkTAmeR0PobOhY4G97PRW+j7bUnP/5m6/On1MCU";
    private static final String ENCODED_APPLE = "s%3Aapple.D8Y%2BpkTAmeR0PobOhY4G97PRW%2Bj7bUnP%2F5m6%2FOn1MCU";
    private static final Clock EPOCH = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

    private static CookieState cookie(Consumer<CookieOptions.Builder> options, boolean secureRequest) {
        CookieOptions.Builder b = CookieOptions.builder();
        options.accept(b);
        return CookieState.fresh(EPOCH, b.build(), secureRequest);
    }

    @Nested
    class WhenEveryAttributeIsSet {

        private final CookieState all = cookie(c -> c
                .sameSite(SameSite.STRICT)
                .priority(Priority.HIGH)
                .partitioned(true)
                .secure(SecureMode.ALWAYS)
                .httpOnly(true)
                .maxAge(Duration.ofMinutes(1))
                .path("/app")
                .domain("example.com"), true);

        @Test
        void writesThemInExpressOrder() {
            assertThat(SetCookieWriter.write("connect.sid", SIGNED_APPLE, all)).isEqualTo("connect.sid=" + ENCODED_APPLE
                    + "; Domain=example.com; Path=/app; Expires=Thu, 01 Jan 1970 00:01:00 GMT; HttpOnly; Secure;"
                    + " Partitioned; Priority=High; SameSite=Strict");
        }

        @Test
        void neverWritesMaxAge() {
            assertThat(SetCookieWriter.write("connect.sid", SIGNED_APPLE, all)).doesNotContainIgnoringCase("max-age");
        }
    }

    @Nested
    class WhenTheDefaultsApply {

        @Test
        void writesPathHttpOnlyAndLaxOnly() {
            assertThat(SetCookieWriter.write("connect.sid", SIGNED_APPLE, cookie(c -> { }, false)))
                    .isEqualTo("connect.sid=" + ENCODED_APPLE + "; Path=/; HttpOnly; SameSite=Lax");
        }

        @Test
        void addsSecureOnASecureRequest() {
            assertThat(SetCookieWriter.write("connect.sid", SIGNED_APPLE, cookie(c -> { }, true)))
                    .isEqualTo("connect.sid=" + ENCODED_APPLE + "; Path=/; HttpOnly; Secure; SameSite=Lax");
        }

        @Test
        void leavesOutHttpOnlyAndSameSiteWhenTurnedOff() {
            assertThat(SetCookieWriter.write("sid", SIGNED_APPLE, cookie(c -> c.httpOnly(false).sameSite(null), false)))
                    .isEqualTo("sid=" + ENCODED_APPLE + "; Path=/");
        }
    }

    @Nested
    class WhenSameSiteIsAuto {

        @Test
        void writesNoneOnASecureRequest() {
            assertThat(SetCookieWriter.write("sid", SIGNED_APPLE, cookie(c -> c.sameSite(SameSite.AUTO), true)))
                    .endsWith("; Secure; SameSite=None");
        }

        @Test
        void writesLaxOnAPlainRequest() {
            assertThat(SetCookieWriter.write("sid", SIGNED_APPLE, cookie(c -> c.sameSite(SameSite.AUTO), false)))
                    .endsWith("; HttpOnly; SameSite=Lax");
        }
    }

    @Nested
    class HttpDates {

        @Test
        void formatTheEpochAsJavaScriptDoes() {
            assertThat(SetCookieWriter.httpDate(Instant.EPOCH)).isEqualTo("Thu, 01 Jan 1970 00:00:00 GMT");
        }

        @Test
        void alwaysUseTwoDigitDays() {
            assertThat(SetCookieWriter.httpDate(Instant.parse("2026-03-05T07:08:09Z")))
                    .isEqualTo("Thu, 05 Mar 2026 07:08:09 GMT");
        }

        @Test
        void dropMilliseconds() {
            assertThat(SetCookieWriter.httpDate(Instant.parse("2026-12-31T23:59:59.999Z")))
                    .isEqualTo("Thu, 31 Dec 2026 23:59:59 GMT");
        }

        @Test
        void writeAFixedExpiresOption() {
            CookieState fixed = cookie(c -> c.expires(Instant.parse("2100-01-01T00:00:00Z")), false);
            assertThat(SetCookieWriter.write("sid", SIGNED_APPLE, fixed))
                    .contains("; Path=/; Expires=Fri, 01 Jan 2100 00:00:00 GMT; HttpOnly");
        }
    }

    @Nested
    class ClearingTheCookie {

        @Test
        void writesAnEmptyValueExpiredAtTheEpochWithTheSamePathAndDomain() {
            CookieState c = cookie(b -> b.path("/app").domain("example.com"), false);
            assertThat(SetCookieWriter.clear("connect.sid", c)).isEqualTo(
                    "connect.sid=; Domain=example.com; Path=/app; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax");
        }
    }
}
