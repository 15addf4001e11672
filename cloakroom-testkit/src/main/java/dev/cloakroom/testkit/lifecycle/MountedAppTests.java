package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.testkit.TestRoutes;
import dev.cloakroom.testkit.http.HttpCaller;
import dev.cloakroom.testkit.http.HttpResult;
import dev.cloakroom.testkit.http.SetCookie;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application mounted at {@code /foo}. As in express-session, the cookie path is a path the
 * browser sees, mount included, and is matched against the full request path: a mount does not
 * shift it, and the default path stays {@code /}.
 */
public abstract class MountedAppTests extends LifecycleTestBase {

    private static final String MOUNT = "/foo";

    /**
     * Every path asks for the session and sets an attribute. Outside the cookie path, where the
     * browser would never send the cookie back, session() refuses: the answer is then "outside".
     */
    private static TestRoutes routes() {
        return TestRoutes.create().otherwise(call -> {
            try {
                call.sessions().session().set("seen", call.path());
                call.body("inside");
            } catch (IllegalStateException e) {
                call.body("outside");
            }
        });
    }

    private HttpCaller server(String cookiePath) {
        return startMountedAt(MOUNT, options().cookie(c -> c.path(cookiePath)), routes());
    }

    @Test
    void setsTheCookieForTheMountedPath() {
        HttpResult response = server("/foo/bar").get("/foo/bar").send();

        assertThat(response.body()).isEqualTo("inside");
        assertThat(response.requireCookie(NAME).attribute("Path")).hasValue("/foo/bar");
    }

    @Test
    void sendsNoCookieWhereOnlyThePathInsideTheMountMatches() {
        HttpResult response = server("/foo/bar").get("/foo/foo/bar").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("outside");
        assertThat(response.setCookies()).isEmpty();
    }

    @Test
    void keepsTheDefaultPathOfSlash() {
        HttpResult response = startMountedAt(MOUNT, options(), routes()).get("/foo/page").send();

        assertThat(response.requireCookie(NAME).attribute("Path")).hasValue("/");
    }

    @Test
    void loadsTheSessionOnTheNextRequestUnderTheMount() {
        HttpCaller http = server("/foo");
        SetCookie cookie = http.get("/foo/bar").send().requireCookie(NAME);

        http.get("/foo/other").cookie(cookie).send();

        assertThat(stored(cookie).orElseThrow().json()).contains("\"seen\":\"/foo/other\"");
    }
}
