package dev.cloakroom.lifecycle;

import dev.cloakroom.SecureMode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which requests count as secure, as express-session's issecure() decides, seen through a
 * {@code Secure} cookie that is only sent on a secure request.
 */
@ExtendWith(NoSessionIdInLogs.class)
class SecureRequestTest extends LifecycleFixture {

    private boolean cookieSent(Boolean proxy, TestExchange exchange) {
        configure(b -> b.proxy(proxy).cookie(c -> c.secure(SecureMode.ALWAYS)));
        return !request(exchange, c -> c.session().set("n", 1)).setCookies().isEmpty();
    }

    @Nested
    class OverATlsConnection {

        @Test
        void isSecureUnderEveryProxySetting() {
            assertThat(cookieSent(null, TestExchange.to("/").secure())).isTrue();
            assertThat(cookieSent(false, TestExchange.to("/").secure())).isTrue();
            assertThat(cookieSent(true, TestExchange.to("/").secure())).isTrue();
        }

        @Test
        void staysSecureWithProxyTrueWhenTheHeaderSaysHttp() {
            assertThat(cookieSent(true, TestExchange.to("/").secure().header("X-Forwarded-Proto", "http"))).isTrue();
        }
    }

    @Nested
    class WhenTheFrameworkTrustsForwardingOnAPlainConnection {

        @Test
        void unsetTakesTheFrameworksAnswer() {
            assertThat(cookieSent(null, TestExchange.to("/").secureByForwarding())).isTrue();
        }

        @Test
        void falseIgnoresTheFrameworksAnswer() {
            assertThat(cookieSent(false, TestExchange.to("/").secureByForwarding()
                    .header("X-Forwarded-Proto", "https"))).isFalse();
        }

        @Test
        void trueReadsOnlyTheHeader() {
            assertThat(cookieSent(true, TestExchange.to("/").secureByForwarding())).isFalse();
            assertThat(cookieSent(true, TestExchange.to("/").secureByForwarding()
                    .header("X-Forwarded-Proto", "http, https"))).isFalse();
            assertThat(cookieSent(true, TestExchange.to("/").header("X-Forwarded-Proto", " HTTPS , http"))).isTrue();
        }
    }
}
