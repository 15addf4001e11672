package dev.cloakroom.lifecycle;

import dev.cloakroom.SecureMode;
import dev.cloakroom.SessionManager;
import dev.cloakroom.SessionOptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings that are legal but likely wrong: each is one WARN with the fix, never one per request. */
@ExtendWith(NoSessionIdInLogs.class)
class ConfigurationWarningsTest extends LifecycleFixture {

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Nested
    class WhenASecureCookieMeetsAPlainHttpRequest {

        private static final String WARNING = "no session cookie was sent: the cookie is Secure (cookie.secure ALWAYS)"
                + " and this request came over plain HTTP";

        @Test
        void theFirstSuchRequestWarnsOnceWithTheFix() {
            configure(b -> b.cookie(c -> c.secure(SecureMode.ALWAYS)));
            try (ConsoleCopy log = new ConsoleCopy()) {
                for (int i = 0; i < 3; i++) {
                    Response r = withSession(null, s -> s.set("n", 1));
                    assertThat(r.setCookies()).as("no cookie, as before").isEmpty();
                }
                assertThat(count(log.text(), WARNING)).as("one WARN per engine, not per request").isEqualTo(1);
                assertThat(log.text()).contains("WARN").contains("set proxy(true)")
                        .contains("for plain-HTTP development use cookie.secure(AUTO)");
            }
        }

        @Test
        void aForwardedProtoHeaderWithoutProxyTrueIsPointedOut() {
            configure(b -> b.cookie(c -> c.secure(SecureMode.ALWAYS)));
            try (ConsoleCopy log = new ConsoleCopy()) {
                request(TestExchange.to("/").header("X-Forwarded-Proto", "https"), c -> c.session().set("n", 1));
                assertThat(log.text()).contains(WARNING)
                        .contains("The request has an X-Forwarded-Proto header: behind a proxy that terminates TLS,"
                                + " set proxy(true) so it counts");
            }
        }

        @Test
        void aSecureRequestOrProxyTrueBehindTlsWarnsNothing() {
            configure(b -> b.proxy(true).cookie(c -> c.secure(SecureMode.ALWAYS)));
            try (ConsoleCopy log = new ConsoleCopy()) {
                assertThat(request(TestExchange.to("/").secure(), c -> c.session().set("n", 1)).setCookies()).hasSize(1);
                assertThat(request(TestExchange.to("/").header("X-Forwarded-Proto", "https"), c -> c.session().set("n", 1))
                        .setCookies()).hasSize(1);
                assertThat(log.text()).doesNotContain(WARNING);
            }
        }
    }

    @Nested
    class WhenTheSecretIsShort {

        private static final String WARNING = "session secret #1 is only 12 bytes long; use at least 32 random bytes"
                + " (express-session's advice)";

        @Test
        void theEngineWarnsOnceAtStartupWithoutTheSecret() {
            try (ConsoleCopy log = new ConsoleCopy()) {
                SessionManager m = new SessionManager(SessionOptions.builder().secret(SECRET).store(store).build());
                assertThat(count(log.text(), WARNING)).isEqualTo(1);
                assertThat(log.text()).contains("'openssl rand -base64 32'").doesNotContain(SECRET);
                manager = m;
                withSession(null, s -> s.set("n", 1));
                withSession(null, s -> s.set("n", 2));
                assertThat(count(log.text(), WARNING)).as("not again per request").isEqualTo(1);
            }
        }

        @Test
        void aSecretOf32BytesOrMoreWarnsNothing() {
            try (ConsoleCopy log = new ConsoleCopy()) {
                new SessionManager(SessionOptions.builder().secrets("x".repeat(32), SECRET).store(store).build());
                assertThat(log.text()).doesNotContain("session secret #1").contains("session secret #2 is only 12 bytes long");
            }
        }
    }
}
