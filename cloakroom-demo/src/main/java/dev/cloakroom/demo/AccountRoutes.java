package dev.cloakroom.demo;

import dev.cloakroom.Session;
import dev.cloakroom.javalin.Cloakroom;
import io.javalin.http.Context;

import java.time.Duration;
import java.util.Optional;

/** Login, dashboard and logout: the Express tutorial's login system. */
final class AccountRoutes {

    static final String USER = "user";

    private final Users users;
    private final LoginThrottle throttle;
    private final boolean trustProxy;

    AccountRoutes(Users users, LoginThrottle throttle, boolean trustProxy) {
        this.users = users;
        this.throttle = throttle;
        this.trustProxy = trustProxy;
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
     * session is bound to the user, so "Your sessions" can list and revoke it. A throttled name or
     * address gets {@code 429} before the password is looked at (see {@link LoginThrottle}).
     */
    void login(Context ctx) {
        String username = ctx.formParam("username");
        String address = LoginThrottle.clientAddress(ctx, trustProxy);
        Optional<Duration> wait = throttle.attempt(username, address);
        if (wait.isPresent()) {
            long seconds = (wait.get().toMillis() + 999) / 1000;
            ctx.status(429).header("Retry-After", Long.toString(seconds))
                    .result("Too many failed logins; try again in " + seconds + " s");
            return;
        }
        Optional<User> user = users.check(username, ctx.formParam("password"));
        if (user.isEmpty()) {
            ctx.status(401).html(Pages.invalidCredentials());
            return;
        }
        throttle.succeeded(username, address);
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
