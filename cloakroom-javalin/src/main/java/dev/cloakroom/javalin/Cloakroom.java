package dev.cloakroom.javalin;

import dev.cloakroom.Session;
import dev.cloakroom.SessionContext;
import dev.cloakroom.SessionManager;
import dev.cloakroom.SessionStoreException;
import dev.cloakroom.UserSessions;
import io.javalin.config.NoValueForKeyException;
import io.javalin.http.Context;

import java.util.Optional;

/**
 * Session access for Javalin handlers of an application that registered {@link CloakroomPlugin}:
 * <pre>{@code
 * Session s = Cloakroom.session(ctx);
 * s.set("username", "john");
 * }</pre>
 * Every method throws {@link IllegalStateException} when the plugin is not registered.
 */
public final class Cloakroom {

    private Cloakroom() {
    }

    /**
     * The visitor's session, read from the store on first use in the request or created when
     * there is none. A new session is only saved, and its cookie only sent, once it holds data
     * (with {@code saveUninitialized(false)}).
     *
     * @param ctx the request's Javalin context
     * @return the session
     * @throws SessionStoreException when the store fails; the plugin answers 503
     */
    public static Session session(Context ctx) {
        return context(ctx).session();
    }

    /**
     * The session if the visitor already has one; never creates one. Use it where a visitor
     * without a session should stay without one, e.g. to show "logged in as" on a public page.
     *
     * @param ctx the request's Javalin context
     * @return the session, or empty
     * @throws SessionStoreException when the store fails; the plugin answers 503
     */
    public static Optional<Session> existing(Context ctx) {
        return context(ctx).existing();
    }

    /**
     * {@return the request's session handling from core, for what the shortcuts here do not cover}
     *
     * @param ctx the request's Javalin context
     * @throws IllegalStateException when the application has not registered {@link CloakroomPlugin}
     */
    public static SessionContext context(Context ctx) {
        // The plugin's before handler normally opened it; a before handler registered ahead of it may get here first.
        return RequestSessions.of(ctx, manager(ctx)).context;
    }

    /**
     * The sessions of each user, for a "sign out everywhere else" button or a "your devices" page:
     * list them, revoke one, the others or all. Needs a store that is a
     * {@code UserIndexedSessionStore}; the sessions are found through {@link Session#bindUser}.
     * Outside a request, use {@link CloakroomPlugin#users()}.
     *
     * @param ctx the request's Javalin context
     * @return the application's user sessions
     * @throws IllegalStateException when the application has not registered {@link CloakroomPlugin}
     */
    public static UserSessions users(Context ctx) {
        return manager(ctx).users();
    }

    private static SessionManager manager(Context ctx) {
        try {
            return ctx.appData(CloakroomPlugin.MANAGER);
        } catch (NoValueForKeyException e) {
            throw new IllegalStateException("Cloakroom sessions are not set up for this application: register the plugin "
                    + "with Javalin.create(cfg -> cfg.registerPlugin(new CloakroomPlugin(options)))", e);
        }
    }

    /**
     * Saves the session and adds its {@code Set-Cookie} header now, instead of after the handler.
     * A handler that streams more than the response buffer or flushes must call it before
     * writing: once the response is committed the headers are gone. Changes made afterwards are
     * still saved when the request ends, but no second cookie is sent.
     *
     * @param ctx the request's Javalin context
     * @throws SessionStoreException when the store fails; the plugin answers 503
     */
    public static void commit(Context ctx) {
        context(ctx).commit();
    }

    /**
     * Tells the browser to forget the session cookie. Use it at logout after
     * {@link Session#destroy()}, which, as in express-session, sends no cookie of its own.
     *
     * @param ctx the request's Javalin context
     */
    public static void clearCookie(Context ctx) {
        context(ctx).clearCookie();
    }
}
