package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.Session;
import dev.cloakroom.SessionGoneException;
import dev.cloakroom.StoredSession;
import dev.cloakroom.testkit.TestRoutes;
import dev.cloakroom.testkit.http.HttpCaller;
import dev.cloakroom.testkit.http.HttpResult;
import dev.cloakroom.testkit.http.SetCookie;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The session's own methods: regenerate, destroy, reload, save and touch, seen from the client and the store. */
public abstract class SessionMethodTests extends LifecycleTestBase {

    private HttpCaller http;
    private SetCookie cookie;

    /** Starts a server with the standard routes plus {@code routes}' extras, and creates a session with a=1. */
    private void createSession(TestRoutes routes) {
        http = start(options().cookie(c -> c.maxAge(Duration.ofDays(1))), routes);
        cookie = http.get("/set?k=a&v=1").send().requireCookie(NAME);
    }

    @Nested
    class Regenerate {

        @Test
        void sendsADifferentSid() {
            createSession(LifecycleRoutes.standard());

            HttpResult response = http.get("/regenerate").cookie(cookie).send();

            assertThat(idOf(response.requireCookie(NAME))).isNotEqualTo(idOf(cookie));
        }

        @Test
        void deletesTheOldSidFromTheStore() {
            createSession(LifecycleRoutes.standard());

            String newId = idOf(http.get("/regenerate").cookie(cookie).send().requireCookie(NAME));

            assertThat(memory.ids()).containsExactly(newId);
        }

        @Test
        void startsEmpty() {
            createSession(LifecycleRoutes.standard());
            SetCookie regenerated = http.get("/regenerate").cookie(cookie).send().requireCookie(NAME);

            assertThat(http.get("/get?k=a").cookie(regenerated).send().body()).isEqualTo("-");
        }

        @Test
        void keepsTheDataWhenOnlyTheIdChanges() {
            createSession(LifecycleRoutes.standard().on("/change-id", call -> call.sessions().session().changeId()));

            SetCookie changed = http.get("/change-id").cookie(cookie).send().requireCookie(NAME);

            assertThat(idOf(changed)).isNotEqualTo(idOf(cookie));
            assertThat(stored(cookie)).isEmpty();
            assertThat(http.get("/get?k=a").cookie(changed).send().body()).isEqualTo("1");
        }
    }

    @Nested
    class Destroy {

        @Test
        void sendsNoCookie() {
            createSession(LifecycleRoutes.standard());

            assertThat(http.get("/destroy").cookie(cookie).send().setCookies()).isEmpty();
        }

        @Test
        void removesTheSessionFromTheStore() {
            createSession(LifecycleRoutes.standard());

            http.get("/destroy").cookie(cookie).send();

            assertThat(stored(cookie)).isEmpty();
        }

        @Test
        void clearCookieTellsTheBrowserToForgetIt() {
            createSession(LifecycleRoutes.standard().on("/logout", call -> {
                call.sessions().session().destroy();
                call.sessions().clearCookie();
            }));

            HttpResult response = http.get("/logout").cookie(cookie).send();

            assertThat(response.setCookies()).containsExactly(
                    "connect.sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax");
        }
    }

    @Nested
    class Reload {

        @Test
        void seesWhatAnotherRequestWrote() {
            AtomicReference<HttpCaller> self = new AtomicReference<>();
            createSession(LifecycleRoutes.standard().on("/reload-after-write", call -> {
                Session s = call.sessions().session();
                s.get("a", String.class);
                self.get().get("/set?k=a&v=2").cookie(call.header("Cookie")).send();
                s.reload();
                call.body(s.get("a", String.class).orElse("-"));
            }));
            self.set(http);

            assertThat(http.get("/reload-after-write").cookie(cookie).send().body()).isEqualTo("2");
        }

        @Test
        void failsWhenTheStoredSessionIsGone() {
            createSession(LifecycleRoutes.standard().on("/reload-deleted", call -> {
                Session s = call.sessions().session();
                memory.destroy(s.id());
                try {
                    s.reload();
                    call.body("reloaded");
                } catch (SessionGoneException e) {
                    call.body("gone");
                }
            }));

            assertThat(http.get("/reload-deleted").cookie(cookie).send().body()).isEqualTo("gone");
        }

        @Test
        void survivesManyReloadsInARow() {
            createSession(LifecycleRoutes.standard().on("/reload-many", call -> {
                Session s = call.sessions().session();
                for (int i = 0; i < 50; i++) {
                    s.reload();
                }
                call.body(s.get("a", String.class).orElse("-"));
            }));

            assertThat(http.get("/reload-many").cookie(cookie).send().body()).isEqualTo("1");
        }
    }

    @Nested
    class Save {

        @Test
        void writesExactlyOnceAlongsideTheEndOfRequestLogic() {
            http = start(options(), LifecycleRoutes.standard());

            HttpResult response = http.get("/save?k=hit&v=yes").send();

            assertThat(response.body()).isEqualTo("saved");
            assertThat(sets()).isEqualTo(1);
            assertThat(stored(response.requireCookie(NAME))).isPresent();
        }

        @Test
        void hasWrittenTheStoreWhenItReturns() {
            http = start(options(), TestRoutes.create().on("/save-check", call -> {
                Session s = call.sessions().session();
                s.set("hit", true);
                s.save();
                call.body(String.valueOf(memory.get(s.id()).isPresent()));
            }));

            assertThat(http.get("/save-check").send().body()).isEqualTo("true");
        }

        @Test
        void writesOnceWhenSavedAfterAReload() {
            createSession(LifecycleRoutes.standard().on("/reload-then-save", call -> {
                Session s = call.sessions().session();
                s.set("b", "dropped by the reload");
                s.reload();
                s.save();
                call.body("saved");
            }));
            long sets = sets();

            HttpResult response = http.get("/reload-then-save").cookie(cookie).send();

            assertThat(response.body()).isEqualTo("saved");
            assertThat(sets()).isEqualTo(sets + 1);
            assertThat(stored(cookie).orElseThrow().json()).contains("\"a\":\"1\"").doesNotContain("\"b\"");
        }

        @Test
        void writesAgainWhenChangedAfterSaving() {
            http = start(options(), TestRoutes.create().on("/save-then-change", call -> {
                Session s = call.sessions().session();
                s.set("step", "saved");
                s.save();
                s.set("step", "changed");
            }));

            SetCookie created = http.get("/save-then-change").send().requireCookie(NAME);

            assertThat(stored(created).orElseThrow().json()).contains("\"step\":\"changed\"");
        }
    }

    @Nested
    class WithAttributesNamedLikeMethods {

        @Test
        void stillSaveAndLoad() {
            createSession(LifecycleRoutes.standard());
            http.get("/set?k=save&v=shadow").cookie(cookie).send();
            http.get("/set?k=destroy&v=shadow").cookie(cookie).send();

            HttpResult response = http.get("/save?k=after&v=ok").cookie(cookie).send();

            assertThat(response.body()).isEqualTo("saved");
            assertThat(http.get("/get?k=save").cookie(cookie).send().body()).isEqualTo("shadow");
            assertThat(http.get("/get?k=after").cookie(cookie).send().body()).isEqualTo("ok");
        }
    }

    @Nested
    class Touch {

        @Test
        void movesTheStoredExpiry() throws InterruptedException {
            createSession(LifecycleRoutes.standard());
            Instant before = stored(cookie).map(StoredSession::expires).orElseThrow();
            Thread.sleep(20);

            http.get("/touch").cookie(cookie).send();

            assertThat(stored(cookie).map(StoredSession::expires).orElseThrow()).isAfter(before);
        }

        @Test
        void keepsTheStoredData() {
            createSession(LifecycleRoutes.standard());

            http.get("/touch").cookie(cookie).send();

            assertThat(stored(cookie).orElseThrow().json()).contains("\"a\":\"1\"");
        }
    }
}
