package dev.cloakroom.javalin;

import dev.cloakroom.SessionOptions;
import dev.cloakroom.SessionStoreException;
import dev.cloakroom.testkit.Leaks;
import dev.cloakroom.testkit.lifecycle.CapturedOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;

import static dev.cloakroom.javalin.TestApp.cookies;
import static dev.cloakroom.javalin.TestApp.sessionCookie;
import static dev.cloakroom.javalin.TestApp.sessionId;
import static org.assertj.core.api.Assertions.assertThat;

class StoreFailureTest {

    private final CountingStore store = new CountingStore();
    private final AtomicReference<SessionStoreException> caught = new AtomicReference<>();
    private TestApp app;
    private String cookie;
    private String id;

    @BeforeEach
    void start() throws Exception {
        SessionOptions options = SessionOptions.builder().secret("keyboard cat").store(store).build();
        app = TestApp.start(cfg -> {
            cfg.registerPlugin(new CloakroomPlugin(options));
            cfg.routes.get("/set", ctx -> {
                Cloakroom.session(ctx).set("n", ctx.queryParam("n"));
                ctx.result("set");
            });
            cfg.routes.get("/get", ctx -> ctx.result(Cloakroom.session(ctx).get("n", String.class).orElse("-")));
            cfg.routes.get("/get-caught", ctx -> {
                try {
                    Cloakroom.session(ctx);
                    ctx.result("read");
                } catch (SessionStoreException e) {
                    caught.set(e);
                    ctx.status(503).result("caught");
                }
            });
            cfg.routes.get("/set-and-redirect", ctx -> {
                Cloakroom.session(ctx).set("n", "redirected");
                ctx.redirect("/elsewhere");
            });
            cfg.routes.get("/commit-early", ctx -> {
                Cloakroom.session(ctx).set("n", "early");
                Cloakroom.commit(ctx);
                ctx.result("committed");
            });
        });
        cookie = sessionCookie(app.get("/set?n=1"));
        id = sessionId(cookie);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Nested
    class WhenTheStoreCannotBeReadByAHandler {

        @BeforeEach
        void breakReads() {
            store.readsFail = true;
        }

        @Test
        void theAnswerIs503WithoutTheId() throws Exception {
            HttpResponse<String> response;
            String log;
            try (CapturedOutput console = new CapturedOutput()) {
                response = app.get("/get", "Cookie", cookie);
                log = console.text();
            }
            Leaks.assertOneWarnByFingerprint(log, id);

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            assertThat(response.body()).isNotBlank().doesNotContain(id);
            assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        }

        @Test
        void theExceptionAHandlerCatchesNamesNoSessionAnywhereInItsChain() throws Exception {
            HttpResponse<String> response = app.get("/get-caught", "Cookie", cookie);

            assertThat(response.body()).isEqualTo("caught");
            Leaks.assertNeverNames(caught.get(), id, cookie);
            assertThat(caught.get()).hasMessageContaining(Leaks.fingerprint(id));
        }

        @Test
        void theEndOfTheRequestDoesNotWriteToTheStore() throws Exception {
            int before = store.sets.get();

            app.get("/get", "Cookie", cookie);

            assertThat(store.sets.get()).isEqualTo(before);
        }

        @Test
        void requestsWorkAgainOnceTheStoreIsBack() throws Exception {
            app.get("/get", "Cookie", cookie);
            store.readsFail = false;

            assertThat(app.get("/get", "Cookie", cookie).body()).isEqualTo("1");
        }
    }

    @Nested
    class WhenTheSaveAtTheEndOfTheRequestFails {

        @BeforeEach
        void breakWrites() {
            store.writesFail = true;
        }

        @Test
        void theHandlersResponseBecomes503WithoutTheId() throws Exception {
            HttpResponse<String> response;
            String log;
            try (CapturedOutput console = new CapturedOutput()) {
                response = app.get("/set?n=2", "Cookie", cookie);
                log = console.text();
            }
            Leaks.assertOneWarnByFingerprint(log, id);

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).isNotEqualTo("set").doesNotContain(id);
            assertThat(cookies(response)).isEmpty();
        }

        @Test
        void theSaveIsTriedOnce() throws Exception {
            int before = store.sets.get();

            app.get("/set?n=2", "Cookie", cookie);

            assertThat(store.sets.get()).isEqualTo(before + 1);
        }

        @Test
        void aRedirectBecomes503WithoutItsLocation() throws Exception {
            HttpResponse<String> response = app.get("/set-and-redirect", "Cookie", cookie);

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Location")).isEmpty();
        }

        @Test
        void theStoredSessionKeepsItsOldValue() throws Exception {
            app.get("/set?n=2", "Cookie", cookie);
            store.writesFail = false;

            assertThat(app.get("/get", "Cookie", cookie).body()).isEqualTo("1");
        }
    }

    @Nested
    class WhenAnEarlyCommitFails {

        @Test
        void theAnswerIs503AndTheSaveIsNotRetried() throws Exception {
            store.writesFail = true;
            int before = store.sets.get();

            HttpResponse<String> response = app.get("/commit-early", "Cookie", cookie);

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).doesNotContain(id);
            assertThat(store.sets.get()).isEqualTo(before + 1);
        }
    }
}
