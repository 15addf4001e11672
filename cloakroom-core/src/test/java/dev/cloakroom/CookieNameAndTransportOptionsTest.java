package dev.cloakroom;

import dev.cloakroom.lifecycle.NoSessionIdInLogs;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checks build() makes for a cookie name's prefix and length, and for header transport. */
@ExtendWith(NoSessionIdInLogs.class)
class CookieNameAndTransportOptionsTest {

    private static SessionOptions.Builder valid() {
        return SessionOptions.builder().secret("keyboard cat");
    }

    private static SessionOptions.Builder secure(String name) {
        return valid().name(name).cookie(c -> c.secure(SecureMode.ALWAYS));
    }

    @Nested
    class WhenTheNameHasTheHostPrefix {

        @Test
        void acceptsSecureAlwaysOnTheRootPathWithoutADomain() {
            assertThat(secure("__Host-sid").build().name()).isEqualTo("__Host-sid");
        }

        @Test
        void refusesSecureAutoNamingTheFix() {
            assertThatThrownBy(() -> valid().name("__Host-sid").build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cookie name '__Host-sid' starts with __Host-, which browsers accept only with Secure: set"
                            + " cookie.secure(SecureMode.ALWAYS) (behind a TLS-terminating proxy also proxy(true)), not AUTO,"
                            + " under which a plain-HTTP request would get the cookie without Secure and the browser would"
                            + " drop it; or choose a name without the prefix");
        }

        @Test
        void refusesSecureNever() {
            assertThatThrownBy(() -> valid().name("__Host-sid").cookie(c -> c.secure(SecureMode.NEVER)).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("only with Secure: set cookie.secure(SecureMode.ALWAYS)")
                    .hasMessageContaining("not NEVER;");
        }

        @Test
        void refusesAPathOtherThanRoot() {
            assertThatThrownBy(() -> secure("__Host-sid").cookie(c -> c.path("/app")).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cookie name '__Host-sid' starts with __Host-, which browsers accept only with Path=/:"
                            + " remove cookie.path('/app'), or use the __Secure- prefix for a cookie limited to a path");
        }

        @Test
        void refusesADomain() {
            assertThatThrownBy(() -> secure("__Host-sid").cookie(c -> c.domain("example.com")).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cookie name '__Host-sid' starts with __Host-, which browsers accept only without a Domain:"
                            + " remove cookie.domain('example.com'), or use the __Secure- prefix for a cookie shared with"
                            + " subdomains");
        }

        @ParameterizedTest
        @ValueSource(strings = {"__host-sid", "__HOST-sid", "__HoSt-sid"})
        void matchesThePrefixInAnyCaseAsBrowsersDo(String name) {
            assertThatThrownBy(() -> secure(name).cookie(c -> c.domain("example.com")).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("starts with __Host-, which browsers accept only without a Domain");
        }
    }

    @Nested
    class WhenTheNameHasTheSecurePrefix {

        @ParameterizedTest
        @ValueSource(strings = {"__Secure-sid", "__secure-sid", "__SECURE-sid"})
        void refusesSecureAuto(String name) {
            assertThatThrownBy(() -> valid().name(name).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("cookie name '" + name + "' starts with __Secure-, which browsers accept only"
                            + " with Secure: set cookie.secure(SecureMode.ALWAYS)");
        }

        @Test
        void allowsAPathAndADomain() {
            assertThat(secure("__Secure-sid").cookie(c -> c.path("/app").domain("example.com")).build().name())
                    .isEqualTo("__Secure-sid");
        }
    }

    @Nested
    class WhenTheNameIsLong {

        @Test
        void refusesANameThatLeavesNoRoomForADefaultId() {
            String name = "n".repeat(4096 - 166 + 1);
            assertThatThrownBy(() -> valid().name(name).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("name is 3931 characters long: with a signed value of 166 bytes the cookie could exceed"
                            + " 4096 bytes of name plus value, and browsers ignore such a cookie. Use a short name such as"
                            + " connect.sid");
        }

        @Test
        void acceptsTheLongestNameThatFitsADefaultId() {
            String name = "n".repeat(4096 - 166);
            assertThat(valid().name(name).build().name()).isEqualTo(name);
        }

        @Test
        void withACustomGenidCountsTheShortestPossibleValue() {
            assertThat(valid().genid(r -> "x").name("n".repeat(4096 - 49)).build().name()).hasSize(4047);
            assertThatThrownBy(() -> valid().genid(r -> "x").name("n".repeat(4096 - 48)).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("name is 4048 characters long: with a signed value of 49 bytes");
        }
    }

    @Nested
    class WithHeaderTransport {

        @Test
        void defaultsToTheCookie() {
            assertThat(valid().build().transport()).isEqualTo(SessionTransport.cookie());
        }

        @Test
        void keepsTheTransportGiven() {
            SessionOptions options = valid().transport(SessionTransport.header("X-Session-Id")).build();
            assertThat(options.transport().kind()).isEqualTo(SessionTransport.Kind.HEADER);
            assertThat(options.transport().requestHeader()).contains("X-Session-Id");
            assertThat(options.transport().responseHeader()).contains("X-Session-Id");
        }

        @Test
        void bearerReadsAuthorizationAndIssuesInSessionToken() {
            SessionTransport bearer = SessionTransport.bearer();
            assertThat(bearer.requestHeader()).contains("Authorization");
            assertThat(bearer.responseHeader()).contains("Session-Token");
        }

        @Test
        void refusesCookieAttributesThatWouldDoNothing() {
            assertThatThrownBy(() -> valid().transport(SessionTransport.bearer())
                    .cookie(c -> c.secure(SecureMode.ALWAYS).sameSite(SameSite.STRICT)).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("transport bearer sends no cookie, so cookie.secure, cookie.sameSite would have no effect:"
                            + " leave them at the default, or use SessionTransport.cookie(). cookie.maxAge and"
                            + " cookie.expires still set the session's lifetime");
        }

        @Test
        void keepsTheMaxAgeAsTheSessionLifetime() {
            SessionOptions options = valid().transport(SessionTransport.header("X-Session-Id"))
                    .cookie(c -> c.maxAge(Duration.ofMinutes(30))).build();
            assertThat(options.cookieFor(null).maxAge()).contains(Duration.ofMinutes(30));
        }

        @Test
        void skipsThePrefixRulesAsThereIsNoCookie() {
            assertThat(valid().name("__Host-sid").transport(SessionTransport.bearer()).build().name()).isEqualTo("__Host-sid");
        }

        @Test
        void refusesRolling() {
            assertThatThrownBy(() -> valid().transport(SessionTransport.header("X-Session-Id")).rolling(true).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("rolling resends the cookie with a fresh expiry, and transport header sends no cookie");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Cookie", "set-cookie", "Cache-Control"})
        void refusesAHeaderHttpAlreadyUses(String name) {
            assertThatThrownBy(() -> SessionTransport.header(name))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("transport header must not be " + name + ", which HTTP already uses for something else;"
                            + " pick a name of your own such as X-Session-Id");
        }

        @Test
        void pointsAuthorizationAtBearer() {
            assertThatThrownBy(() -> SessionTransport.header("Authorization"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageEndingWith(", or SessionTransport.bearer() for Authorization: Bearer");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "X Session", "X-Session:Id"})
        void refusesANameThatIsNotAHeaderName(String name) {
            assertThatThrownBy(() -> SessionTransport.header(name))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("transport header must be an HTTP header name (a token, such as X-Session-Id), got '" + name + "'");
        }
    }
}
