package dev.cloakroom.javalin;

import dev.cloakroom.MemoryStore;
import dev.cloakroom.Session;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.StoredSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static dev.cloakroom.javalin.TestApp.cookies;
import static dev.cloakroom.javalin.TestApp.sessionCookie;
import static dev.cloakroom.javalin.TestApp.sessionId;
import static org.assertj.core.api.Assertions.assertThat;

/** Saves Cloakroom refuses, writing nothing: 413 for a session over maxSessionBytes, 409 for a conflict. */
class SaveRefusalTest {

    private final MemoryStore store = new MemoryStore();
    private TestApp app;

    @BeforeEach
    void start() {
        SessionOptions options = SessionOptions.builder().secret("keyboard cat").store(store).maxSessionBytes(4096).build();
        app = TestApp.start(cfg -> {
            cfg.registerPlugin(new CloakroomPlugin(options));
            cfg.routes.get("/set", ctx -> {
                Cloakroom.session(ctx).set(ctx.queryParam("k"), "x".repeat(Integer.parseInt(ctx.queryParam("n"))));
                ctx.result("set");
            });
            cfg.routes.get("/set-and-redirect", ctx -> {
                Cloakroom.session(ctx).set("big", "x".repeat(5000));
                ctx.redirect("/elsewhere");
            });
            cfg.routes.get("/save-now", ctx -> {
                Cloakroom.session(ctx).set("big", "x".repeat(5000)).save();
                ctx.result("saved");
            });
            cfg.routes.get("/increment-checked", ctx -> {
                Session s = Cloakroom.session(ctx).checkReads();
                int n = s.get("n", Integer.class).orElse(0);
                // Another request stores n = 100 between this request's read and its save.
                StoredSession stored = store.get(s.id()).orElseThrow();
                store.set(s.id(), new StoredSession(stored.json().replace("\"n\":1", "\"n\":100"), stored.expires()));
                s.set("n", n + 1);
                ctx.result("incremented");
            });
            cfg.routes.get("/one", ctx -> {
                Cloakroom.session(ctx).set("n", 1);
                ctx.result("one");
            });
        });
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Nested
    class WhenASaveWouldGoOverMaxSessionBytes {

        @Test
        void answers413AndStoresNothingForANewSession() throws Exception {
            HttpResponse<String> response = app.get("/set?k=big&n=5000");

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            assertThat(response.body()).contains("nothing was saved");
            assertThat(cookies(response)).isEmpty();
            assertThat(store.length()).isZero();
        }

        @Test
        void answers413AndKeepsWhatAStoredSessionHeld() throws Exception {
            String cookie = sessionCookie(app.get("/set?k=small&n=10"));

            HttpResponse<String> response = app.get("/set?k=big&n=5000", "Cookie", cookie);

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(store.get(sessionId(cookie)).orElseThrow().json()).contains("\"small\"").doesNotContain("\"big\"");
        }

        @Test
        void answers413InsteadOfTheRedirect() throws Exception {
            HttpResponse<String> response = app.get("/set-and-redirect");

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Location")).isEmpty();
        }

        @Test
        void answers413WhenTheHandlersOwnSaveIsRefused() throws Exception {
            HttpResponse<String> response = app.get("/save-now");

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.body()).doesNotContain("saved\n").isNotEqualTo("saved");
            assertThat(store.length()).isZero();
        }

        @Test
        void savesASessionUnderTheLimit() throws Exception {
            HttpResponse<String> response = app.get("/set?k=fits&n=3000");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(store.length()).isOne();
        }
    }

    @Nested
    class WhenAReadCheckedSaveFindsWhatItReadChanged {

        @Test
        void answers409AndKeepsTheOtherRequestsValue() throws Exception {
            String cookie = sessionCookie(app.get("/one"));

            HttpResponse<String> response = app.get("/increment-checked", "Cookie", cookie);

            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(response.body()).contains("try again");
            assertThat(store.get(sessionId(cookie)).orElseThrow().json()).contains("\"n\":100");
        }
    }
}
