package dev.cloakroom.compare.jetty;

import io.javalin.Javalin;
import io.javalin.http.Context;

/** The visit counter on Jetty's built-in sessions ({@code ctx.sessionAttribute}), as a Javalin user writes it. */
public final class JettySessionsApp {

    private JettySessionsApp() {
    }

    /**
     * Starts the app.
     *
     * @param args one argument, the port to listen on (on loopback)
     */
    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 7070;
        Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/set-session", JettySessionsApp::set);
            cfg.routes.get("/get-session", JettySessionsApp::get);
            cfg.routes.get("/health", ctx -> ctx.result("ok"));
        }).start("127.0.0.1", port);
    }

    private static void set(Context ctx) {
        Integer visits = ctx.sessionAttribute("visits");
        ctx.sessionAttribute("username", "john");
        ctx.sessionAttribute("visits", visits == null ? 1 : visits + 1);
        ctx.result("Session data set");
    }

    private static void get(Context ctx) {
        // Read without creating: the demo's /get-session makes no session for a cookie-less request either.
        var session = ctx.req().getSession(false);
        Object username = session == null ? null : session.getAttribute("username");
        if (username == null) {
            ctx.html("No session data found");
            return;
        }
        Object visits = session.getAttribute("visits");
        ctx.html("Welcome back, " + username + "! You've visited " + (visits == null ? 0 : visits) + " times.");
    }
}
