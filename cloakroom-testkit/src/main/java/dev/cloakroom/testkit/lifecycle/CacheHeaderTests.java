package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.Session;
import dev.cloakroom.testkit.TestRoutes;
import dev.cloakroom.testkit.http.HttpCaller;
import dev.cloakroom.testkit.http.HttpResult;
import dev.cloakroom.testkit.http.SetCookie;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A response that carries the session cookie must not be kept by a shared cache, which would hand
 * the cookie, and with it the session, to the next visitor. Such a response gets
 * {@code Cache-Control: private} (shared caches honour it widely; the field-name form
 * {@code no-cache="Set-Cookie"} many ignore) and {@code Vary: Cookie}, merged into what the
 * application set. {@code cacheControl(false)} turns this off.
 */
public abstract class CacheHeaderTests extends LifecycleTestBase {

    /** {@code /cached?cc=&vary=} sets those headers, then the session attribute {@code a}. */
    private static TestRoutes routes() {
        return LifecycleRoutes.standard()
                .on("/cached", call -> {
                    if (call.query("cc") != null) {
                        call.addHeader("Cache-Control", call.query("cc"));
                    }
                    if (call.query("vary") != null) {
                        call.addHeader("Vary", call.query("vary"));
                    }
                    call.sessions().session().set("a", "1");
                    call.body("set");
                })
                .on("/logout", call -> {
                    call.sessions().existing().ifPresent(Session::destroy);
                    call.sessions().clearCookie();
                    call.body("out");
                });
    }

    private HttpCaller server() {
        return start(options(), routes());
    }

    private static String cacheControl(HttpResult r) {
        return r.header("Cache-Control").orElse("");
    }

    @Test
    void aResponseSettingTheCookieIsPrivateAndVariesByCookie() {
        HttpResult r = server().get("/set?k=a&v=1").send();

        assertThat(r.setCookies()).hasSize(1);
        assertThat(cacheControl(r)).isEqualTo("private");
        assertThat(r.header("Vary")).hasValue("Cookie");
    }

    @Test
    void aResponseClearingTheCookieIsPrivateToo() {
        HttpResult r = server().get("/logout").send();

        assertThat(r.setCookies()).hasSize(1);
        assertThat(cacheControl(r)).isEqualTo("private");
    }

    @Test
    void aResponseWithoutTheCookieIsLeftAlone() {
        HttpCaller http = server();
        SetCookie cookie = http.get("/set?k=a&v=1").send().requireCookie(NAME);

        HttpResult none = http.get("/none").send();
        HttpResult unchanged = http.get("/get?k=a").cookie(cookie).send();

        assertThat(none.header("Cache-Control")).isEmpty();
        assertThat(unchanged.body()).isEqualTo("1");
        assertThat(unchanged.setCookies()).isEmpty();
        assertThat(unchanged.header("Cache-Control")).isEmpty();
    }

    @Test
    void theApplicationsPublicCachingBecomesPrivate() {
        HttpResult r = server().get("/cached?cc=public,%20max-age=60,%20s-maxage=600").send();

        assertThat(r.setCookies()).hasSize(1);
        assertThat(cacheControl(r)).isEqualTo("private, max-age=60");
    }

    @Test
    void theApplicationsNoStoreIsKept() {
        HttpResult r = server().get("/cached?cc=no-store").send();

        assertThat(cacheControl(r)).isEqualTo("no-store");
    }

    @Test
    void theApplicationsVaryIsKeptWithCookieAdded() {
        HttpResult r = server().get("/cached?vary=Accept-Encoding").send();

        assertThat(r.header("Vary")).hasValue("Accept-Encoding, Cookie");
    }

    @Test
    void cacheControlFalseLeavesTheHeadersAlone() {
        HttpResult r = start(options().cacheControl(false), routes()).get("/cached?cc=public,%20max-age=60").send();

        assertThat(r.setCookies()).hasSize(1);
        assertThat(cacheControl(r)).isEqualTo("public, max-age=60");
        assertThat(r.header("Vary")).isEmpty();
    }
}
