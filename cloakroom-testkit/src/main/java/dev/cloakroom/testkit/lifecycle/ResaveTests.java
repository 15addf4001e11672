package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.testkit.http.HttpCaller;
import dev.cloakroom.testkit.http.SetCookie;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The resave option: whether an unmodified session is written back at the end of every request. */
public abstract class ResaveTests extends LifecycleTestBase {

    @Nested
    class WhenTrue {

        @Test
        void savesAnUnmodifiedSession() {
            HttpCaller http = start(options().resave(true), LifecycleRoutes.standard());
            SetCookie cookie = http.get("/set?k=a&v=1").send().requireCookie(NAME);
            long sets = sets();

            http.get("/view").cookie(cookie).send();

            assertThat(sets()).isEqualTo(sets + 1);
        }
    }

    @Nested
    class WhenFalse {

        @Test
        void doesNotSaveAnUnmodifiedSession() {
            HttpCaller http = start(options().resave(false), LifecycleRoutes.standard());
            SetCookie cookie = http.get("/set?k=a&v=1").send().requireCookie(NAME);
            long sets = sets();

            http.get("/view").cookie(cookie).send();

            assertThat(sets()).isEqualTo(sets);
        }

        @Test
        void touchesAnUnmodifiedSessionInstead() {
            HttpCaller http = start(options().resave(false), LifecycleRoutes.standard());
            SetCookie cookie = http.get("/set?k=a&v=1").send().requireCookie(NAME);
            long touches = touches();

            http.get("/view").cookie(cookie).send();

            assertThat(touches()).isEqualTo(touches + 1);
        }

        @Test
        void savesAModifiedSession() {
            HttpCaller http = start(options().resave(false), LifecycleRoutes.standard());
            SetCookie cookie = http.get("/set?k=a&v=1").send().requireCookie(NAME);
            long sets = sets();

            http.get("/set?k=a&v=2").cookie(cookie).send();

            assertThat(sets()).isEqualTo(sets + 1);
            assertThat(stored(cookie).orElseThrow().json()).contains("\"a\":\"2\"");
        }
    }
}
