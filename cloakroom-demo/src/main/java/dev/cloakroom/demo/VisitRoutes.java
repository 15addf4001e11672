package dev.cloakroom.demo;

import dev.cloakroom.Session;
import dev.cloakroom.javalin.Cloakroom;
import io.javalin.http.Context;

import java.util.Optional;

/** {@code /set-session} and {@code /get-session}: the Express tutorial's visit counter. */
final class VisitRoutes {

    private VisitRoutes() {
    }

    static void set(Context ctx) {
        Session session = Cloakroom.session(ctx);
        session.set("username", "john");
        session.set("visits", session.get("visits", Integer.class).orElse(0) + 1);
        ctx.result("Session data set");
    }

    static void get(Context ctx) {
        Optional<Session> session = Cloakroom.existing(ctx);
        Optional<String> username = session.flatMap(s -> s.get("username", String.class));
        if (username.isEmpty()) {
            ctx.html("No session data found");
            return;
        }
        int visits = session.get().get("visits", Integer.class).orElse(0);
        ctx.html("Welcome back, " + Html.escape(username.get()) + "! You've visited " + visits + " times.");
    }
}
