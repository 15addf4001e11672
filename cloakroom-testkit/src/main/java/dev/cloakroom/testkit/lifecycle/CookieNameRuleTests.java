package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.CookieOptions;
import dev.cloakroom.SecureMode;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.testkit.http.HttpCaller;
import dev.cloakroom.testkit.http.HttpResult;
import dev.cloakroom.testkit.http.SetCookie;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a cookie's name demands (RFC 6265bis), which browsers enforce by dropping the cookie:
 * {@code __Host-} needs Secure, an explicit {@code Path=/} and no Domain, {@code __Secure-} needs
 * Secure, and name plus value fit in 4096 bytes. Servers here trust {@code X-Forwarded-Proto}, so
 * a request saying {@code https} gets the Secure cookie over the suite's plain HTTP.
 */
public abstract class CookieNameRuleTests extends LifecycleTestBase {

    private static final String HOST = "__Host-sid";
    private static final String SECURE = "__Secure-sid";

    private SessionOptions.Builder named(String name) {
        return options().name(name).proxy(true).cookie(c -> c.secure(SecureMode.ALWAYS));
    }

    private static HttpResult overHttps(HttpCaller http, String pathAndQuery, SetCookie cookie) {
        HttpCaller.Call call = http.get(pathAndQuery).forwardedProto("https");
        return (cookie == null ? call : call.cookie(cookie)).send();
    }

    @Test
    void aHostCookieCarriesSecureAnExplicitRootPathAndNoDomain() {
        SetCookie cookie = overHttps(start(named(HOST), LifecycleRoutes.standard()), "/set?k=a&v=1", null).requireCookie(HOST);

        assertThat(cookie.attribute("Path")).contains("/");
        assertThat(cookie.has("Secure")).isTrue();
        assertThat(cookie.has("Domain")).isFalse();
    }

    @Test
    void aHostCookieIsReadBack() {
        HttpCaller http = start(named(HOST), LifecycleRoutes.standard());
        SetCookie cookie = overHttps(http, "/set?k=user&v=ann", null).requireCookie(HOST);

        assertThat(overHttps(http, "/get?k=user", cookie).body()).isEqualTo("ann");
    }

    @Test
    void aHandlerCannotMoveAHostCookieOffTheRootPath() {
        HttpCaller http = start(named(HOST), LifecycleRoutes.standard());
        SetCookie cookie = overHttps(http, "/set?k=a&v=1", null).requireCookie(HOST);

        HttpResult response = overHttps(http, "/cookie?path=/app", cookie);

        assertThat(response.body()).startsWith("refused: ").contains("__Host-", "Path=/");
        assertThat(response.cookie(HOST)).isEmpty();
    }

    @Test
    void aHandlerCannotGiveAHostCookieADomain() {
        HttpCaller http = start(named(HOST), LifecycleRoutes.standard());
        SetCookie cookie = overHttps(http, "/set?k=a&v=1", null).requireCookie(HOST);

        assertThat(overHttps(http, "/cookie?domain=example.com", cookie).body())
                .startsWith("refused: ").contains("__Host-", "without a Domain");
    }

    @Test
    void aHandlerCannotTurnSecureOffForASecurePrefixedCookie() {
        HttpCaller http = start(named(SECURE), LifecycleRoutes.standard());
        SetCookie cookie = overHttps(http, "/set?k=a&v=1", null).requireCookie(SECURE);

        assertThat(overHttps(http, "/cookie?secure=false", cookie).body())
                .startsWith("refused: ").contains("__Secure-", "with Secure");
    }

    @Test
    void aHandlerMayGiveASecurePrefixedCookieAPath() {
        HttpCaller http = start(named(SECURE), LifecycleRoutes.standard());
        SetCookie cookie = overHttps(http, "/set?k=a&v=1", null).requireCookie(SECURE);

        HttpResult response = overHttps(http, "/cookie?path=/app", cookie);

        assertThat(response.body()).isEqualTo("changed");
        assertThat(response.requireCookie(SECURE).attribute("Path")).contains("/app");
    }

    @Test
    void perRequestSettingsThatBreakThePrefixMakeNoSession() {
        CookieOptions withDomain = CookieOptions.builder().secure(SecureMode.ALWAYS).domain("example.com").build();
        HttpCaller http = start(options().name(HOST).proxy(true).cookiePerRequest(request -> withDomain),
                LifecycleRoutes.standard());

        HttpResult response = overHttps(http, "/set?k=a&v=1", null);

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.cookie(HOST)).isEmpty();
        assertThat(memory.ids()).isEmpty();
    }

    @Test
    void anIdMakingTheCookieLongerThan4096BytesMakesNoSession() {
        String id = "a".repeat(4096);
        HttpCaller http = start(options().genid(request -> id), LifecycleRoutes.standard());

        HttpResult response = http.get("/set?k=a&v=1").send();

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.cookie(NAME)).isEmpty();
        assertThat(memory.ids()).isEmpty();
    }

    @Test
    void anIdThatJustFitsIsAccepted() {
        // connect.sid (11) + s%3A (4) + id + . (1) + signature (43, more if it holds + or /) stays within 4096.
        String id = "a".repeat(4096 - 11 - 4 - 1 - 43 * 3);
        HttpCaller http = start(options().genid(request -> id), LifecycleRoutes.standard());

        SetCookie cookie = http.get("/set?k=user&v=ann").send().requireCookie(NAME);

        assertThat(idOf(cookie)).isEqualTo(id);
        assertThat(http.get("/get?k=user").cookie(cookie).send().body()).isEqualTo("ann");
    }
}
