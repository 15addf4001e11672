package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.StoredSession;
import dev.cloakroom.testkit.http.HttpCaller;
import dev.cloakroom.testkit.http.HttpResult;
import dev.cloakroom.testkit.http.SetCookie;
import dev.cloakroom.testkit.http.SignedCookies;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A handler changes its session's cookie, as {@code req.session.cookie.httpOnly = false} does in
 * express: the attributes are stored in the session's {@code cookie} object and written into its
 * {@code Set-Cookie} from then on. Unlike express-session, which leaves the cookie out of its change
 * check, the change is saved and the cookie sent in the same response.
 */
public abstract class HandlerCookieTests extends LifecycleTestBase {

    private static SetCookie seed(HttpCaller http) {
        return http.get("/set?k=a&v=1").send().requireCookie(NAME);
    }

    private static String[] attributes(SetCookie cookie) {
        return cookie.attributes().stream().map(Object::toString).toArray(String[]::new);
    }

    @Test
    void attributesAHandlerSetsAreSentInTheSameResponse() {
        HttpCaller http = start(options(), LifecycleRoutes.standard());
        SetCookie first = seed(http);

        HttpResult r = http.get("/cookie?httpOnly=false&domain=example.test&sameSite=strict&priority=high").cookie(first).send();

        assertThat(r.body()).isEqualTo("changed");
        SetCookie cookie = r.requireCookie(NAME);
        assertThat(cookie.value()).isEqualTo(first.value());
        assertThat(attributes(cookie)).containsExactly("Domain=example.test", "Path=/", "Priority=High", "SameSite=Strict");
    }

    @Test
    void areStoredWithTheSessionAndUsedOnLaterResponses() {
        HttpCaller http = start(options().rolling(true), LifecycleRoutes.standard());
        SetCookie first = seed(http);
        http.get("/cookie?httpOnly=false&sameSite=null&priority=low").cookie(first).send();

        SetCookie later = http.get("/count").cookie(first).send().requireCookie(NAME);

        assertThat(attributes(later)).containsExactly("Path=/", "Priority=Low");
        assertThat(stored(first).map(StoredSession::json).orElseThrow())
                .contains("\"priority\":\"low\"", "\"httpOnly\":false").doesNotContain("sameSite");
    }

    @Test
    void settingWhatTheCookieHoldsSavesNothingAndSendsNoCookie() {
        HttpCaller http = start(options(), LifecycleRoutes.standard());
        SetCookie first = seed(http);
        long setsBefore = sets();

        HttpResult r = http.get("/cookie?httpOnly=true&path=/&sameSite=lax").cookie(first).send();

        assertThat(r.setCookies()).isEmpty();
        assertThat(sets()).isEqualTo(setsBefore);
    }

    @Test
    void secureAttributesGoOutOverHttps() {
        HttpCaller http = start(options().proxy(true), LifecycleRoutes.standard());
        SetCookie first = http.get("/set?k=a&v=1").forwardedProto("https").send().requireCookie(NAME);

        SetCookie cookie = http.get("/cookie?secure=true&partitioned=true&sameSite=none").forwardedProto("https")
                .cookie(first).send().requireCookie(NAME);

        assertThat(attributes(cookie)).containsExactly("Path=/", "HttpOnly", "Secure", "Partitioned", "SameSite=None");
    }

    @Test
    void aValueBrowsersWouldRejectIsRefusedToTheHandler() {
        HttpCaller http = start(options(), LifecycleRoutes.standard());
        SetCookie first = seed(http);

        HttpResult r = http.get("/cookie?path=app").cookie(first).send();

        assertThat(r.body()).isEqualTo("refused: cookie.path must start with '/', got 'app'");
        assertThat(r.setCookies()).isEmpty();
    }

    @Test
    void attributesAnExpressAppStoredAreHonoured() {
        // As express-session stores them, with values its cookie writer takes by truthiness:
        // secure 'auto' (set by a Node handler) is Secure, sameSite true is Strict.
        memory.set("node-made-id", new StoredSession("{\"cookie\":{\"originalMaxAge\":null,\"priority\":\"Medium\","
                + "\"expires\":null,\"secure\":\"auto\",\"httpOnly\":false,\"domain\":\"example.test\",\"path\":\"/\","
                + "\"sameSite\":true},\"a\":\"1\"}", null));
        HttpCaller http = start(options().proxy(true).rolling(true), LifecycleRoutes.standard());

        SetCookie cookie = http.get("/view").cookie(NAME + "=" + SignedCookies.sign("node-made-id", SECRET))
                .forwardedProto("https").send().requireCookie(NAME);

        assertThat(attributes(cookie)).containsExactly("Domain=example.test", "Path=/", "Secure", "Priority=Medium",
                "SameSite=Strict");
    }

    @Nested
    class WhenTheHandlerMakesItABrowserSessionCookie {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"maxAge=null", "expires=null"})
        void itIsSentWithoutAnExpiryAndStaysOne(String change) {
            HttpCaller http = start(options().rolling(true).cookie(c -> c.maxAge(Duration.ofHours(1))), LifecycleRoutes.standard());
            SetCookie first = seed(http);
            assertThat(first.has("Expires")).isTrue();

            SetCookie changed = http.get("/cookie?" + change).cookie(first).send().requireCookie(NAME);
            SetCookie later = http.get("/count").cookie(first).send().requireCookie(NAME);

            assertThat(changed.has("Expires")).isFalse();
            assertThat(changed.has("Max-Age")).isFalse();
            assertThat(later.has("Expires")).as("the stored session keeps the browser-session cookie").isFalse();
            assertThat(stored(first).map(StoredSession::json).orElseThrow())
                    .contains("\"originalMaxAge\":null", "\"expires\":null");
        }
    }
}
