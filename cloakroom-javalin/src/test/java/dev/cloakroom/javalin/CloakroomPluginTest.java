package dev.cloakroom.javalin;

import dev.cloakroom.Session;
import dev.cloakroom.SessionOptions;
import io.javalin.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static dev.cloakroom.javalin.TestApp.cookies;
import static dev.cloakroom.javalin.TestApp.sessionCookie;
import static dev.cloakroom.javalin.TestApp.sessionId;
import static org.assertj.core.api.Assertions.assertThat;

class CloakroomPluginTest {

    private final CountingStore store = new CountingStore();
    private TestApp app;

    @BeforeEach
    void start() {
        SessionOptions options = SessionOptions.builder().secret("keyboard cat").store(store).build();
        app = TestApp.start(cfg -> {
            cfg.routes.before(ctx -> {
                if (ctx.path().equals("/early")) {
                    ctx.attribute("early", Cloakroom.session(ctx).get("username", String.class).orElse("nobody"));
                }
            });
            cfg.registerPlugin(new CloakroomPlugin(options));
            cfg.routes.get("/set", ctx -> {
                Session s = Cloakroom.session(ctx);
                s.set("username", "john");
                s.set("visits", s.get("visits", Integer.class).orElse(0) + 1);
                ctx.result("set");
            });
            cfg.routes.get("/get", ctx -> ctx.result(Cloakroom.existing(ctx)
                    .map(s -> s.get("username", String.class).orElse("") + " " + s.get("visits", Integer.class).orElse(0))
                    .orElse("none")));
            cfg.routes.get("/early", ctx -> ctx.result(ctx.<String>attribute("early")));
            cfg.routes.get("/login", ctx -> {
                Session s = Cloakroom.session(ctx);
                s.regenerate();
                s.set("user", "john");
                ctx.redirect("/dashboard");
            });
            cfg.routes.get("/theme", ctx -> {
                ctx.cookie(new Cookie("theme", "dark"));
                Cloakroom.session(ctx).set("username", "john");
                ctx.res().addHeader("Set-Cookie", "lang=en; Path=/");
                ctx.result("themed");
            });
            cfg.routes.get("/public", ctx -> ctx.result("hello"));
            cfg.routes.get("/boom", ctx -> {
                Cloakroom.session(ctx).set("username", "john");
                throw new IllegalArgumentException("handler failed");
            });
            cfg.routes.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(500).result("sorry"));
            cfg.routes.get("/stream", ctx -> {
                Cloakroom.session(ctx).set("username", "streamer");
                Cloakroom.commit(ctx);
                OutputStream out = ctx.outputStream();
                out.write("x".repeat(100_000).getBytes(StandardCharsets.US_ASCII));
                out.flush();
            });
            cfg.routes.get("/stream-unannounced", ctx -> {
                Cloakroom.session(ctx).set("username", "unannounced");
                ctx.outputStream().write("y".repeat(100_000).getBytes(StandardCharsets.US_ASCII));
            });
            cfg.routes.get("/after-change", ctx -> ctx.result("changed later"));
            cfg.routes.after("/after-change", ctx -> Cloakroom.session(ctx).set("username", "from an after handler"));
            cfg.routes.get("/logout", ctx -> {
                Cloakroom.session(ctx).destroy();
                Cloakroom.clearCookie(ctx);
                ctx.result("bye");
            });
        });
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Nested
    class WhenAHandlerSetsAttributes {

        @Test
        void theNextRequestWithTheCookieSeesThem() throws Exception {
            String cookie = sessionCookie(app.get("/set"));
            app.get("/set", "Cookie", cookie);

            assertThat(app.get("/get", "Cookie", cookie).body()).isEqualTo("john 2");
        }

        @Test
        void aRequestWithoutTheCookieSeesNoSession() throws Exception {
            app.get("/set");

            assertThat(app.get("/get").body()).isEqualTo("none");
        }
    }

    @Nested
    class WhenLoginRegeneratesAndRedirects {

        @Test
        void theRedirectCarriesTheNewCookie() throws Exception {
            String old = sessionCookie(app.get("/set"));

            HttpResponse<String> login = app.get("/login", "Cookie", old);

            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(login.headers().firstValue("Location")).hasValue("/dashboard");
            assertThat(sessionId(sessionCookie(login))).isNotEqualTo(sessionId(old));
        }

        @Test
        void theStoreHoldsTheNewSessionWhenTheResponseArrives() throws Exception {
            store.writeDelayMillis = 300;

            HttpResponse<String> login = app.get("/login");

            assertThat(store.delegate.get(sessionId(sessionCookie(login)))).isPresent();
        }
    }

    @Nested
    class WhenTheAppSetsCookiesOfItsOwn {

        @Test
        void theyAndTheSessionCookieAllArrive() throws Exception {
            HttpResponse<String> response = app.get("/theme");

            assertThat(cookies(response)).contains("theme=dark", "lang=en")
                    .anyMatch(c -> c.startsWith("connect.sid=s%3A")).hasSize(3);
        }
    }

    @Nested
    class WhenARouteNeverTouchesTheSession {

        @Test
        void noCookieIsSent() throws Exception {
            assertThat(app.get("/public").headers().allValues("Set-Cookie")).isEmpty();
        }

        @Test
        void theStoreIsNotRead() throws Exception {
            String cookie = sessionCookie(app.get("/set"));
            int before = store.gets.get();

            app.get("/public", "Cookie", cookie);

            assertThat(store.gets.get()).isEqualTo(before);
        }

        @Test
        void anUnknownPathSendsNoCookieEither() throws Exception {
            HttpResponse<String> response = app.get("/no/such/page");

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        }
    }

    @Nested
    class WhenTheHandlerThrows {

        @Test
        void theAppsErrorResponseCarriesTheCookieAndTheSessionIsSaved() throws Exception {
            HttpResponse<String> failed = app.get("/boom");

            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(failed.body()).isEqualTo("sorry");
            assertThat(app.get("/get", "Cookie", sessionCookie(failed)).body()).isEqualTo("john 0");
        }
    }

    @Nested
    class WhenAHandlerStreamsAfterCommitting {

        @Test
        void theCookieArrivesAheadOfTheBody() throws Exception {
            HttpResponse<String> response = app.get("/stream");

            assertThat(response.body()).hasSize(100_000);
            assertThat(app.get("/get", "Cookie", sessionCookie(response)).body()).isEqualTo("streamer 0");
        }
    }

    @Nested
    class WhenAHandlerStreamsWithoutCommitting {

        @Test
        void changesToAnExistingSessionAreStillSaved() throws Exception {
            String cookie = sessionCookie(app.get("/set"));

            HttpResponse<String> response = app.get("/stream-unannounced", "Cookie", cookie);

            assertThat(response.body()).hasSize(100_000);
            assertThat(app.get("/get", "Cookie", cookie).body()).isEqualTo("unannounced 1");
        }

        @Test
        void aNewSessionGetsNoCookieBecauseTheHeadersAreGone() throws Exception {
            assertThat(app.get("/stream-unannounced").headers().allValues("Set-Cookie")).isEmpty();
        }
    }

    @Nested
    class WhenAnAfterHandlerOfTheAppChangesTheSession {

        @Test
        void theChangeIsSavedEvenThoughItWasRegisteredAfterThePlugin() throws Exception {
            String cookie = sessionCookie(app.get("/after-change"));

            assertThat(app.get("/get", "Cookie", cookie).body()).isEqualTo("from an after handler 0");
        }
    }

    @Nested
    class WhenABeforeHandlerRegisteredAheadOfThePluginUsesTheSession {

        @Test
        void itSeesTheSession() throws Exception {
            String cookie = sessionCookie(app.get("/set"));

            assertThat(app.get("/early", "Cookie", cookie).body()).isEqualTo("john");
        }
    }

    @Nested
    class WhenTheVisitorLogsOut {

        @Test
        void theCookieIsClearedAndTheSessionGone() throws Exception {
            String cookie = sessionCookie(app.get("/set"));

            HttpResponse<String> logout = app.get("/logout", "Cookie", cookie);

            assertThat(logout.headers().allValues("Set-Cookie")).singleElement().asString()
                    .startsWith("connect.sid=;").contains("Expires=Thu, 01 Jan 1970 00:00:00 GMT");
            assertThat(app.get("/get", "Cookie", cookie).body()).isEqualTo("none");
        }
    }
}
