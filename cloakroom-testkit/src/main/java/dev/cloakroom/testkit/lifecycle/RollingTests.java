package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.testkit.http.HttpCaller;
import dev.cloakroom.testkit.http.HttpResult;
import dev.cloakroom.testkit.http.SetCookie;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The rolling option: whether every response that used the session re-sends its cookie. */
public abstract class RollingTests extends LifecycleTestBase {

    private HttpCaller server(boolean rolling) {
        return start(options().rolling(rolling).cookie(c -> c.maxAge(Duration.ofMinutes(10))), LifecycleRoutes.standard());
    }

    @Nested
    class WhenFalse {

        @Test
        void sendsNoCookieForAnUnmodifiedLoadedSession() {
            HttpCaller http = server(false);
            SetCookie cookie = http.get("/set?k=a&v=1").send().requireCookie(NAME);

            assertThat(http.get("/view").cookie(cookie).send().setCookies()).isEmpty();
        }

        @Test
        void resendsTheCookieOfAModifiedSessionThatExpires() {
            HttpCaller http = server(false);
            SetCookie cookie = http.get("/set?k=a&v=1").send().requireCookie(NAME);

            HttpResult response = http.get("/set?k=a&v=2").cookie(cookie).send();

            assertThat(idOf(response.requireCookie(NAME))).isEqualTo(idOf(cookie));
        }
    }

    @Nested
    class WhenTrue {

        @Test
        void sendsTheCookieOnEveryResponseThatUsedTheSession() {
            HttpCaller http = server(true);
            SetCookie cookie = http.get("/set?k=a&v=1").send().requireCookie(NAME);

            HttpResult response = http.get("/view").cookie(cookie).send();

            assertThat(idOf(response.requireCookie(NAME))).isEqualTo(idOf(cookie));
        }

        @Test
        void sendsNoCookieWhenTheHandlerNeverAskedForTheSession() {
            HttpCaller http = server(true);
            SetCookie cookie = http.get("/set?k=a&v=1").send().requireCookie(NAME);

            assertThat(http.get("/none").cookie(cookie).send().setCookies()).isEmpty();
        }

        @Test
        void neitherSavesNorSendsACookieForAnUntouchedNewSessionWithSaveUninitializedOff() {
            HttpCaller http = server(true);

            HttpResult response = http.get("/view").send();

            assertThat(response.setCookies()).isEmpty();
            assertThat(sets()).isZero();
        }

        @Test
        void sendsACookieForAModifiedNewSessionWithSaveUninitializedOff() {
            HttpResult response = server(true).get("/set?k=a&v=1").send();

            assertThat(response.cookie(NAME)).isPresent();
            assertThat(sets()).isEqualTo(1);
        }
    }
}
