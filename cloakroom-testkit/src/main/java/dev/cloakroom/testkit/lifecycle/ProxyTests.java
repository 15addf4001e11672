package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.SameSite;
import dev.cloakroom.SecureMode;
import dev.cloakroom.testkit.http.HttpCaller;
import dev.cloakroom.testkit.http.HttpResult;
import dev.cloakroom.testkit.http.SetCookie;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proxy option, seen through a {@code Secure} cookie: it is only sent on a request judged
 * secure, and the suite's servers speak plain HTTP, so a cookie appears exactly when
 * {@code X-Forwarded-Proto} was trusted. Run it also against a server whose framework trusts
 * forwarding headers (overriding {@link #frameworkTrustsForwardedProto()}): {@code false} and
 * {@code true} must then ignore the framework's answer, as express-session does.
 */
public abstract class ProxyTests extends LifecycleTestBase {

    /** {@return whether the adapter's framework, left to itself, treats {@code X-Forwarded-Proto: https} as secure} */
    protected boolean frameworkTrustsForwardedProto() {
        return false;
    }

    private HttpCaller server(Boolean proxy) {
        return start(options().proxy(proxy).cookie(c -> c.secure(SecureMode.ALWAYS)), LifecycleRoutes.standard());
    }

    /** The cookie of a new session with secure and sameSite AUTO, on a request a proxy says arrived over HTTPS. */
    private SetCookie autoCookie(Boolean proxy) {
        return start(options().proxy(proxy).cookie(c -> c.secure(SecureMode.AUTO).sameSite(SameSite.AUTO)),
                LifecycleRoutes.standard()).get("/set?k=a&v=1").forwardedProto("https").send().requireCookie(NAME);
    }

    @Nested
    class WhenTrue {

        @Test
        void trustsXForwardedProtoHttps() {
            HttpResult response = server(true).get("/set?k=a&v=1").forwardedProto("https").send();

            assertThat(response.requireCookie(NAME).has("Secure")).isTrue();
        }

        @Test
        void trustsTheFirstOfSeveralValues() {
            HttpResult response = server(true).get("/set?k=a&v=1").forwardedProto("https,http").send();

            assertThat(response.cookie(NAME)).isPresent();
        }

        @Test
        void readsOnlyTheFirstOfSeveralValues() {
            HttpResult response = server(true).get("/set?k=a&v=1").forwardedProto("http,https").send();

            assertThat(response.cookie(NAME)).isEmpty();
        }

        @Test
        void treatsARequestWithoutTheHeaderAsPlain() {
            HttpResult response = server(true).get("/set?k=a&v=1").send();

            assertThat(response.cookie(NAME)).isEmpty();
        }

        @Test
        void ignoresOtherForwardingHeadersTheFrameworkMayTrust() {
            HttpResult response = server(true).get("/set?k=a&v=1").header("Forwarded", "proto=https").send();

            assertThat(response.cookie(NAME)).isEmpty();
        }
    }

    @Nested
    class WhenFalse {

        @Test
        void ignoresXForwardedProto() {
            HttpResult response = server(false).get("/set?k=a&v=1").forwardedProto("https").send();

            assertThat(response.cookie(NAME)).isEmpty();
        }

        @Test
        void stillSavesTheSession() {
            server(false).get("/set?k=a&v=1").forwardedProto("https").send();

            assertThat(memory.length()).isEqualTo(1);
        }

        @Test
        void leavesAnAutoCookiePlainAndLax() {
            SetCookie cookie = autoCookie(false);

            assertThat(cookie.has("Secure")).isFalse();
            assertThat(cookie.attribute("SameSite")).hasValue("Lax");
        }
    }

    @Nested
    class WhenUnset {

        @Test
        void followsTheFrameworksIdeaOfASecureRequest() {
            HttpResult response = server(null).get("/set?k=a&v=1").forwardedProto("https").send();

            assertThat(response.cookie(NAME).isPresent()).isEqualTo(frameworkTrustsForwardedProto());
        }

        @Test
        void givesAnAutoCookieWhatTheFrameworkDecides() {
            SetCookie cookie = autoCookie(null);

            assertThat(cookie.has("Secure")).isEqualTo(frameworkTrustsForwardedProto());
            assertThat(cookie.attribute("SameSite")).hasValue(frameworkTrustsForwardedProto() ? "None" : "Lax");
        }

        @Test
        void treatsAPlainRequestAsPlain() {
            HttpResult response = server(null).get("/set?k=a&v=1").send();

            assertThat(response.cookie(NAME)).isEmpty();
        }
    }
}
