package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.SameSite;
import dev.cloakroom.SecureMode;
import dev.cloakroom.testkit.http.HttpCaller;
import dev.cloakroom.testkit.http.HttpResult;
import dev.cloakroom.testkit.http.SetCookie;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** cookie.sameSite AUTO: {@code None} on a secure request, {@code Lax} otherwise. */
public abstract class SameSiteAutoTests extends LifecycleTestBase {

    private HttpCaller server(SecureMode secure) {
        return start(options().proxy(true).cookie(c -> c.sameSite(SameSite.AUTO).secure(secure)), LifecycleRoutes.standard());
    }

    @Test
    void sendsNoneWithSecureOnASecureRequest() {
        SetCookie cookie = server(SecureMode.AUTO).get("/set?k=a&v=1").forwardedProto("https").send().requireCookie(NAME);

        assertThat(cookie.attribute("SameSite")).hasValue("None");
        assertThat(cookie.has("Secure")).isTrue();
    }

    @Test
    void sendsLaxOnAPlainRequest() {
        SetCookie cookie = server(SecureMode.AUTO).get("/set?k=a&v=1").send().requireCookie(NAME);

        assertThat(cookie.attribute("SameSite")).hasValue("Lax");
    }

    @Test
    void sendsNoCookieWhenSecureIsAlwaysOnPlainHttp() {
        HttpResult response = server(SecureMode.ALWAYS).get("/set?k=a&v=1").send();

        assertThat(response.setCookies()).isEmpty();
    }

    @Test
    void stillSavesTheSessionWhenSecureIsAlwaysOnPlainHttp() {
        server(SecureMode.ALWAYS).get("/set?k=a&v=1").send();

        assertThat(memory.length()).isEqualTo(1);
    }

    @Test
    void sendsNeitherNoneNorSecureOnAPlainRequest() {
        SetCookie cookie = server(SecureMode.AUTO).get("/set?k=a&v=1").send().requireCookie(NAME);

        assertThat(cookie.attribute("SameSite")).hasValue("Lax");
        assertThat(cookie.has("Secure")).isFalse();
    }

    @Test
    void sendsLaxWhenTheTrustedProxySaysHttp() {
        SetCookie cookie = server(SecureMode.AUTO).get("/set?k=a&v=1").forwardedProto("http").send().requireCookie(NAME);

        assertThat(cookie.attribute("SameSite")).hasValue("Lax");
    }

    /** As express-session writes it, though browsers drop a None cookie without Secure. */
    @Test
    void sendsNoneWithoutSecureWhenSecureIsNeverOnASecureRequest() {
        SetCookie cookie = server(SecureMode.NEVER).get("/set?k=a&v=1").forwardedProto("https").send().requireCookie(NAME);

        assertThat(cookie.attribute("SameSite")).hasValue("None");
        assertThat(cookie.has("Secure")).isFalse();
    }

    @Test
    void sendsLaxWithoutSecureWhenSecureIsNeverOnAPlainRequest() {
        SetCookie cookie = server(SecureMode.NEVER).get("/set?k=a&v=1").send().requireCookie(NAME);

        assertThat(cookie.attribute("SameSite")).hasValue("Lax");
        assertThat(cookie.has("Secure")).isFalse();
    }

    @Test
    void sendsNoneWithSecureWhenSecureIsAlwaysOnASecureRequest() {
        SetCookie cookie = server(SecureMode.ALWAYS).get("/set?k=a&v=1").forwardedProto("https").send().requireCookie(NAME);

        assertThat(cookie.attribute("SameSite")).hasValue("None");
        assertThat(cookie.has("Secure")).isTrue();
    }
}
