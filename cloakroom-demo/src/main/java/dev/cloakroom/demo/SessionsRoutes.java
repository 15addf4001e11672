package dev.cloakroom.demo;

import dev.cloakroom.Session;
import dev.cloakroom.SessionStore;
import dev.cloakroom.StoredSession;
import dev.cloakroom.UserIndexedSessionStore;
import dev.cloakroom.javalin.Cloakroom;
import io.javalin.http.Context;

import java.util.Optional;

/**
 * "Your sessions": the logged-in user's sessions on every device, and "sign out everywhere else"
 * (ASVS 7.5.2, 7.4.3); and the session inspector. Sessions are shown by their fingerprint, never by
 * id: an id is a credential.
 */
final class SessionsRoutes {

    private final SessionStore store;
    private final boolean indexed;

    SessionsRoutes(SessionStore store) {
        this.store = store;
        this.indexed = store instanceof UserIndexedSessionStore;
    }

    /**
     * {@code GET /inspect}: this browser's session document, read from the store by the session's id
     * on the server; the id itself goes nowhere near the page. Shows what this request loaded, before
     * its own save, and creates no session.
     */
    void inspect(Context ctx) {
        Optional<StoredSession> stored = Cloakroom.existing(ctx).flatMap(s -> store.get(s.id()));
        ctx.header("Cache-Control", "no-store").html(SessionsPage.inspect(stored));
    }

    void list(Context ctx) {
        Optional<Session> session = loggedIn(ctx);
        if (session.isEmpty()) {
            return;
        }
        ctx.html(SessionsPage.list(Cloakroom.users(ctx).list(session.get()), session.get()));
    }

    /** Destroys the user's other sessions in the store, so their cookies name no session from now on, on every instance. */
    void revokeOthers(Context ctx) {
        Optional<Session> session = loggedIn(ctx);
        if (session.isEmpty()) {
            return;
        }
        Cloakroom.users(ctx).revokeOthers(session.get());
        ctx.redirect("/sessions");
    }

    /** The session of a logged-in user, bound at login; otherwise answers (redirect to login, or 501) and returns empty. */
    private Optional<Session> loggedIn(Context ctx) {
        if (!indexed) {
            ctx.status(501).html(Pages.noUserIndex());
            return Optional.empty();
        }
        Optional<Session> session = Cloakroom.existing(ctx).filter(s -> s.boundUser().isPresent());
        if (session.isEmpty()) {
            ctx.redirect("/login");
        }
        return session;
    }
}
