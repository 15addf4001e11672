package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.SecureMode;
import dev.cloakroom.testkit.http.HttpCaller;
import dev.cloakroom.testkit.http.HttpResult;
import dev.cloakroom.testkit.http.SetCookie;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** cookie.secure AUTO: {@code Secure} exactly on secure requests (here: trusted {@code X-Forwarded-Proto: https}). */
public abstract class SecureAutoTests extends LifecycleTestBase {

    private HttpCaller server() {
        return start(options().proxy(true).cookie(c -> c.secure(SecureMode.AUTO)), LifecycleRoutes.standard());
    }

    @Test
    void marksTheCookieSecureOnASecureRequest() {
        SetCookie cookie = server().get("/set?k=a&v=1").forwardedProto("https").send().requireCookie(NAME);

        assertThat(cookie.has("Secure")).isTrue();
    }

    @Test
    void sendsAPlainCookieOnAPlainRequest() {
        SetCookie cookie = server().get("/set?k=a&v=1").send().requireCookie(NAME);

        assertThat(cookie.has("Secure")).isFalse();
    }

    @Test
    void remembersInTheStoreThatTheCookieIsSecure() {
        SetCookie cookie = server().get("/set?k=a&v=1").forwardedProto("https").send().requireCookie(NAME);

        assertThat(stored(cookie).orElseThrow().json()).contains("\"secure\":true");
    }

    @Test
    void savesButSendsNoCookieWhenASecureSessionIsChangedOverPlainHttp() {
        HttpCaller http = server();
        SetCookie cookie = http.get("/set?k=a&v=1").forwardedProto("https").send().requireCookie(NAME);

        HttpResult response = http.get("/set?k=a&v=2").cookie(cookie).send();

        assertThat(response.setCookies()).isEmpty();
        assertThat(stored(cookie).orElseThrow().json()).contains("\"a\":\"2\"");
    }
}
