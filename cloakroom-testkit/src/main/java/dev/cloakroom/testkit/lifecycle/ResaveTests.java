package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.Session;
import dev.cloakroom.StoredSession;
import dev.cloakroom.testkit.http.HttpCaller;
import dev.cloakroom.testkit.http.SetCookie;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

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
        void movesTheStoredExpiryOfAnUnmodifiedSession() throws InterruptedException {
            HttpCaller http = start(options().resave(false).cookie(c -> c.maxAge(Duration.ofMinutes(10))), LifecycleRoutes.standard());
            SetCookie cookie = http.get("/set?k=a&v=1").send().requireCookie(NAME);
            Instant before = stored(cookie).map(StoredSession::expires).orElseThrow();
            Thread.sleep(20);

            http.get("/view").cookie(cookie).send();

            assertThat(stored(cookie).map(StoredSession::expires).orElseThrow()).isAfter(before);
        }

        /** A key named {@code cookie} inside a value is the application's data, not the session cookie. */
        @Test
        void savesAChangeToANestedKeyNamedCookie() {
            TypeReference<Map<String, Object>> userType = new TypeReference<>() { };
            HttpCaller http = start(options().resave(false), LifecycleRoutes.standard().on("/user", call -> {
                Session s = call.sessions().session();
                Optional<Map<String, Object>> user = s.get("user", userType);
                if (user.isPresent()) {
                    user.get().put("cookie", (Integer) user.get().get("cookie") + 1);
                } else {
                    s.set("user", Map.of("name", "bob", "cookie", 1));
                }
            }));
            SetCookie cookie = http.get("/user").send().requireCookie(NAME);
            long sets = sets();

            http.get("/user").cookie(cookie).send();

            assertThat(sets()).isEqualTo(sets + 1);
            assertThat(stored(cookie).orElseThrow().json()).contains("\"cookie\":2");
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
