package dev.cloakroom.compare.jetty;

import dev.cloakroom.MemoryStore;
import dev.cloakroom.Session;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.javalin.Cloakroom;
import dev.cloakroom.javalin.CloakroomPlugin;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.time.Duration;
import java.util.Optional;

/**
 * {@link JettySessionsApp} with Cloakroom's sessions in place of Jetty's: the same three routes on
 * the same plain Javalin app, with a {@link MemoryStore} and a 30-minute cookie. Beside
 * the Jetty case it measures what the session layer alone costs, which the demo, with its pages,
 * CSRF tokens and body handling, cannot.
 */
public final class CloakroomSessionsApp {

    private CloakroomSessionsApp() {
    }

    /**
     * Starts the app.
     *
     * @param args the port to listen on (on loopback), then the secret
     */
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        SessionOptions options = SessionOptions.builder().secret(args[1])
                .cookie(c -> c.maxAge(Duration.ofMinutes(30))).store(MemoryStore.builder().build()).build();
        Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.registerPlugin(new CloakroomPlugin(options));
            cfg.routes.get("/set-session", CloakroomSessionsApp::set);
            cfg.routes.get("/get-session", CloakroomSessionsApp::get);
            cfg.routes.get("/health", ctx -> ctx.result("ok"));
        }).start("127.0.0.1", port);
    }

    private static void set(Context ctx) {
        Session session = Cloakroom.session(ctx);
        int visits = session.get("visits", Integer.class).orElse(0);
        session.set("username", "john").set("visits", visits + 1);
        ctx.result("Session data set");
    }

    private static void get(Context ctx) {
        Optional<Session> session = Cloakroom.existing(ctx);
        Optional<String> username = session.flatMap(s -> s.get("username", String.class));
        if (username.isEmpty()) {
            ctx.html("No session data found");
            return;
        }
        int visits = session.get().get("visits", Integer.class).orElse(0);
        ctx.html("Welcome back, " + username.get() + "! You've visited " + visits + " times.");
    }
}
