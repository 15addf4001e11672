package dev.cloakroom.demo;

import dev.cloakroom.Session;
import dev.cloakroom.javalin.Cloakroom;
import io.javalin.http.Context;

import java.util.Optional;

/** Login, dashboard and logout: the Express tutorial's login system. */
final class AccountRoutes {

    static final String USER = "user";

    private final Users users;

    AccountRoutes(Users users) {
        this.users = users;
    }

    void loginForm(Context ctx) {
        ctx.html(Pages.login());
    }

    /**
     * A valid login moves the session to a new id before the user is stored: an id planted in the
     * browser before login (session fixation) is worthless afterwards, as the old id is deleted from
     * the store, while what the visitor set before logging in (the preferences) comes along. The
     * session keeps its creation time, so logging in does not extend {@code --absolute-timeout}. The
     * session is saved before the redirect leaves, so the dashboard request always finds it. The
     * session is bound to the user, so "Your sessions" can list and revoke it.
     */
    void login(Context ctx) {
        Optional<User> user = users.check(ctx.formParam("username"), ctx.formParam("password"));
        if (user.isEmpty()) {
            ctx.status(401).html(Pages.invalidCredentials());
            return;
        }
        Session session = Cloakroom.session(ctx);
        session.changeId();
        session.bindUser(user.get().username());
        session.set(USER, user.get());
        ctx.redirect("/dashboard");
    }

    void dashboard(Context ctx) {
        Optional<User> user = Cloakroom.existing(ctx).flatMap(s -> s.get(USER, User.class));
        if (user.isEmpty()) {
            ctx.redirect("/login");
            return;
        }
        ctx.html(Pages.dashboard(user.get()));
    }

    /** Deletes the stored session and tells the browser to drop the cookie; fine without a session too. */
    void logout(Context ctx) {
        Cloakroom.existing(ctx).ifPresent(Session::destroy);
        Cloakroom.clearCookie(ctx);
        ctx.redirect("/login");
    }
}
