package dev.cloakroom.demo;

import dev.cloakroom.CsrfTokens;
import dev.cloakroom.Session;
import dev.cloakroom.javalin.Cloakroom;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.time.Duration;
import java.util.Optional;

/** Login, dashboard and logout: the Express tutorial's login system, and the dashboard's preference forms. */
final class AccountRoutes {

    static final String USER = "user";
    /** The browser the session signed in from, as {@link Devices#name} reads its User-Agent. */
    static final String DEVICE = "device";
    /** The client address the session signed in from. */
    static final String ADDRESS = "address";
    static final String VISITS = "dashboardVisits";

    private final Users users;
    private final LoginThrottle throttle;
    private final boolean trustProxy;

    AccountRoutes(Users users, LoginThrottle throttle, boolean trustProxy) {
        this.users = users;
        this.throttle = throttle;
        this.trustProxy = trustProxy;
    }

    /**
     * The login form. Its token needs a session, so showing the form starts one (login CSRF: without
     * a token, another site could log the visitor into an account of its choosing).
     */
    void loginForm(Context ctx) {
        ctx.html(Pages.login(Csrf.field(Cloakroom.session(ctx)), null));
    }

    /** A login form sent without this session's token: shown again with a fresh one, so a stale page costs one retry. */
    void loginRefused(Context ctx) {
        ctx.status(403).html(Pages.login(Csrf.field(Cloakroom.session(ctx)),
                "This form had expired, or came from another site. Please log in again."));
    }

    /**
     * A valid login moves the session to a new id before the user is stored: an id planted in the
     * browser before login (session fixation) is worthless afterwards, as the old id is deleted from
     * the store, while what the visitor set before logging in (the preferences) comes along. The
     * CSRF token is rotated with it: {@code changeId()} keeps every attribute, and a token seen before
     * login must not work after it. The session keeps its creation time, so logging in does not extend
     * {@code --absolute-timeout}. The session is saved before the redirect leaves, so the dashboard
     * request always finds it. The session is bound to the user, so "Your sessions" can list and
     * revoke it, and records the browser and address it signed in from, to tell the sessions apart. A
     * throttled name or address gets {@code 429} before the password is looked at (see {@link LoginThrottle}).
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
            ctx.status(401).html(Pages.login(Csrf.field(Cloakroom.session(ctx)), "Invalid credentials"));
            return;
        }
        throttle.succeeded(username, address);
        Session session = Cloakroom.session(ctx);
        session.changeId();
        CsrfTokens.rotate(session);
        session.bindUser(user.get().username());
        session.set(USER, user.get());
        session.set(DEVICE, Devices.name(ctx.userAgent()));
        session.set(ADDRESS, address);
        ctx.redirect("/dashboard");
    }

    void dashboard(Context ctx) {
        Optional<Session> session = loggedIn(ctx);
        if (session.isEmpty()) {
            return;
        }
        int visits = session.get().get(VISITS, Integer.class).orElse(0) + 1;
        session.get().set(VISITS, visits);
        dashboard(ctx, session.get(), visits, null);
    }

    /** {@code POST /prefs}: the dashboard's form sets one preference, with the API's limits. */
    void setPref(Context ctx) {
        Optional<Session> session = loggedIn(ctx);
        if (session.isEmpty()) {
            return;
        }
        String value = ctx.formParam("value");
        Optional<String> refused = PrefsApi.set(session.get(), ctx.formParam("name"), value == null ? "" : value);
        if (refused.isPresent()) {
            ctx.status(400);
            dashboard(ctx, session.get(), session.get().get(VISITS, Integer.class).orElse(0), refused.get());
            return;
        }
        ctx.redirect("/dashboard", HttpStatus.SEE_OTHER);
    }

    /** {@code POST /prefs/remove}: the dashboard's form removes one preference; removing an absent one is no error. */
    void removePref(Context ctx) {
        Optional<Session> session = loggedIn(ctx);
        if (session.isEmpty()) {
            return;
        }
        String name = ctx.formParam("name");
        if (name != null) {
            session.get().remove(PrefsApi.PREFIX + name);
        }
        ctx.redirect("/dashboard", HttpStatus.SEE_OTHER);
    }

    /** Deletes the stored session and tells the browser to drop the cookie; fine without a session too. */
    void logout(Context ctx) {
        Cloakroom.existing(ctx).ifPresent(Session::destroy);
        Cloakroom.clearCookie(ctx);
        ctx.redirect("/login");
    }

    private static void dashboard(Context ctx, Session session, int visits, String error) {
        User user = session.get(USER, User.class).orElseThrow();
        ctx.html(DashboardPage.render(user, session, visits, PrefsApi.all(session), error));
    }

    /** The session of a logged-in user; otherwise redirects to the login page and returns empty. */
    private static Optional<Session> loggedIn(Context ctx) {
        Optional<Session> session = Cloakroom.existing(ctx).filter(s -> s.get(USER, User.class).isPresent());
        if (session.isEmpty()) {
            ctx.redirect("/login");
        }
        return session;
    }
}
