package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.testkit.TestRoutes;
import dev.cloakroom.testkit.http.HttpCaller;
import dev.cloakroom.testkit.http.HttpResult;
import dev.cloakroom.testkit.http.SetCookie;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A cookie path of {@code /foo/bar}: no session handling outside it, as the browser would never send the cookie there. */
public abstract class CookiePathTests extends LifecycleTestBase {

    /** Inside the path: sets an attribute. Outside: only looks, since session() refuses there. */
    private HttpCaller server() {
        TestRoutes routes = TestRoutes.create().otherwise(call -> {
            if (call.path().equals("/foo/bar") || call.path().startsWith("/foo/bar/")) {
                call.sessions().session().set("seen", call.path());
                call.body("inside");
            } else {
                call.body(call.sessions().existing().isPresent() ? "has session" : "no session");
            }
        });
        return start(options().cookie(c -> c.path("/foo/bar")), routes);
    }

    /** Every path asks for the session; body {@code refused} where Cloakroom says the cookie could not come back. */
    private HttpCaller askingEverywhere(String cookiePath) {
        TestRoutes routes = TestRoutes.create().otherwise(call -> {
            try {
                call.sessions().session().set("seen", call.path());
            } catch (IllegalStateException e) {
                call.body("refused");
                return;
            }
            call.body("inside");
        });
        return start(options().cookie(c -> c.path(cookiePath)), routes);
    }

    /** RFC 6265 section 5.1.4: a browser sends a cookie with path {@code /foo/bar} to {@code /foo/bar/...}, never to {@code /foo/barbaz}. */
    @Test
    void makesNoSessionWhereThePathOnlySharesAPrefix() {
        HttpResult response = askingEverywhere("/foo/bar").get("/foo/barbaz").send();

        assertThat(response.body()).isEqualTo("refused");
        assertThat(response.setCookies()).isEmpty();
        assertThat(memory.ids()).isEmpty();
    }

    @Test
    void doesNotReadTheStoreWhereThePathOnlySharesAPrefix() {
        HttpCaller http = server();
        SetCookie cookie = http.get("/foo/bar/baz").send().requireCookie(NAME);
        long gets = gets();

        HttpResult response = http.get("/foo/barbaz").cookie(cookie).send();

        assertThat(response.body()).isEqualTo("no session");
        assertThat(gets()).isEqualTo(gets);
    }

    @Test
    void aPathEndingInASlashCoversWhatIsBelowIt() {
        HttpCaller http = askingEverywhere("/foo/");

        assertThat(http.get("/foo/bar").send().body()).isEqualTo("inside");
        assertThat(http.get("/foo").send().body()).isEqualTo("refused");
        assertThat(http.get("/foobar").send().body()).isEqualTo("refused");
    }

    @Test
    void sendsNoCookieOutsideThePath() {
        HttpResult response = server().get("/").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("no session");
        assertThat(response.setCookies()).isEmpty();
    }

    @Test
    void sendsACookieWithThePathInsideIt() {
        HttpResult response = server().get("/foo/bar/baz").send();

        assertThat(response.requireCookie(NAME).attribute("Path")).hasValue("/foo/bar");
    }

    @Test
    void loadsTheSessionInsideThePath() {
        HttpCaller http = server();
        SetCookie cookie = http.get("/foo/bar/baz").send().requireCookie(NAME);

        http.get("/foo/bar").cookie(cookie).send();

        assertThat(stored(cookie).orElseThrow().json()).contains("\"seen\":\"/foo/bar\"");
    }

    @Test
    void doesNotReadTheStoreOutsideThePath() {
        HttpCaller http = server();
        SetCookie cookie = http.get("/foo/bar/baz").send().requireCookie(NAME);
        long gets = gets();

        HttpResult response = http.get("/").cookie(cookie).send();

        assertThat(response.body()).isEqualTo("no session");
        assertThat(gets()).isEqualTo(gets);
    }
}
