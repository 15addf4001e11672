package dev.cloakroom.javalin;

import dev.cloakroom.SessionContext;
import dev.cloakroom.SessionManager;
import io.javalin.http.Context;

/** The per-request state the plugin keeps as a Javalin request attribute. */
final class RequestSessions {

    static final String ATTRIBUTE = RequestSessions.class.getName();

    final SessionContext context;
    /** Set once the plugin's after handler has committed (or tried to), so it never commits twice. */
    boolean finished;
    /** Set when a store call failed or a save was refused in this request; the after handler then leaves the store alone. */
    boolean storeFailed;

    private RequestSessions(SessionContext context) {
        this.context = context;
    }

    /** This request's state, opening the session context (a cookie read, no store access) on first use. */
    static RequestSessions of(Context ctx, SessionManager manager) {
        RequestSessions existing = ctx.attribute(ATTRIBUTE);
        if (existing != null) {
            return existing;
        }
        RequestSessions created = new RequestSessions(manager.open(new JavalinExchange(ctx)));
        ctx.attribute(ATTRIBUTE, created);
        return created;
    }
}
