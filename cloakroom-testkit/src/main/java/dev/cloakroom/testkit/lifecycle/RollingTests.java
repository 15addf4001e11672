package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.StoredSession;
import dev.cloakroom.testkit.http.HttpCaller;
import dev.cloakroom.testkit.http.HttpResult;
import dev.cloakroom.testkit.http.SetCookie;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

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
        void movesTheStoredExpiryWithTheCookie() throws InterruptedException {
            HttpCaller http = server(true);
            SetCookie first = http.get("/set?k=a&v=1").send().requireCookie(NAME);
            Thread.sleep(1_100);

            SetCookie second = http.get("/view").cookie(first).send().requireCookie(NAME);

            assertThat(second.expires().orElseThrow()).isAfter(first.expires().orElseThrow());
            Instant storedExpiry = stored(second).map(StoredSession::expires).orElseThrow();
            assertThat(Duration.between(second.expires().orElseThrow(), storedExpiry).toMillis()).isBetween(0L, 999L);
        }

        @Test
        void savesAndSendsACookieForAnUntouchedNewSessionWithSaveUninitializedOn() {
            HttpCaller http = start(options().rolling(true).saveUninitialized(true), LifecycleRoutes.standard());

            HttpResult response = http.get("/view").send();

            assertThat(stored(response.requireCookie(NAME))).isPresent();
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
