package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.testkit.http.HttpResult;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The saveUninitialized option: whether a new session nothing was put in is saved and gets a cookie. */
public abstract class SaveUninitializedTests extends LifecycleTestBase {

    @Nested
    class WhenFalse {

        @Test
        void neitherSavesNorSendsACookieForAnUntouchedNewSession() {
            HttpResult response = start(options().saveUninitialized(false), LifecycleRoutes.standard()).get("/view").send();

            assertThat(response.body()).isEqualTo("new");
            assertThat(response.setCookies()).isEmpty();
            assertThat(memory.length()).isZero();
        }

        @Test
        void neverTouchesTheStoreForAnUntouchedNewSession() {
            start(options().saveUninitialized(false), LifecycleRoutes.standard()).get("/view").send();

            assertThat(sets() + touches() + gets() + destroys()).isZero();
        }

        @Test
        void savesAndSendsACookieForAModifiedNewSession() {
            HttpResult response = start(options().saveUninitialized(false), LifecycleRoutes.standard()).get("/set?k=a&v=1").send();

            assertThat(stored(response.requireCookie(NAME))).isPresent();
        }
    }

    @Nested
    class WhenTrue {

        @Test
        void savesAndSendsACookieForAnUntouchedNewSession() {
            HttpResult response = start(options().saveUninitialized(true), LifecycleRoutes.standard()).get("/view").send();

            assertThat(stored(response.requireCookie(NAME))).isPresent();
        }
    }
}
