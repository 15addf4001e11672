package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.SecureMode;
import dev.cloakroom.testkit.http.HttpCaller;
import dev.cloakroom.testkit.http.HttpResult;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proxy option, seen through a {@code Secure} cookie: it is only sent on a request judged
 * secure, and the suite's servers speak plain HTTP, so a cookie appears exactly when
 * {@code X-Forwarded-Proto} was trusted.
 */
public abstract class ProxyTests extends LifecycleTestBase {

    /** {@return whether the adapter's framework, left to itself, treats {@code X-Forwarded-Proto: https} as secure} */
    protected boolean frameworkTrustsForwardedProto() {
        return false;
    }

    private HttpCaller server(Boolean proxy) {
        return start(options().proxy(proxy).cookie(c -> c.secure(SecureMode.ALWAYS)), LifecycleRoutes.standard());
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
    }

    @Nested
    class WhenUnset {

        @Test
        void followsTheFrameworksIdeaOfASecureRequest() {
            HttpResult response = server(null).get("/set?k=a&v=1").forwardedProto("https").send();

            assertThat(response.cookie(NAME).isPresent()).isEqualTo(frameworkTrustsForwardedProto());
        }

        @Test
        void treatsAPlainRequestAsPlain() {
            HttpResult response = server(null).get("/set?k=a&v=1").send();

            assertThat(response.cookie(NAME)).isEmpty();
        }
    }
}
