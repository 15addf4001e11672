package dev.cloakroom.javalin;

import dev.cloakroom.SessionConflictException;
import dev.cloakroom.SessionException;
import dev.cloakroom.SessionGoneException;
import dev.cloakroom.SessionManager;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.SessionStoreException;
import dev.cloakroom.SessionTooLargeException;
import dev.cloakroom.UserSessions;
import io.javalin.config.JavalinState;
import io.javalin.config.Key;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.plugin.Plugin;
import io.javalin.plugin.PluginPriority;

import java.util.Objects;

/**
 * Cloakroom sessions for a Javalin 7 application:
 * <pre>{@code
 * Javalin app = Javalin.create(cfg -> {
 *     cfg.registerPlugin(new CloakroomPlugin(options));
 *     cfg.routes.get("/visit", ctx -> Cloakroom.session(ctx).set("username", "john"));
 * });
 * }</pre>
 * Handlers reach the session through {@link Cloakroom}.
 *
 * <p>What the plugin adds:
 * <ul>
 *   <li>a {@code before} handler that opens the request's {@link dev.cloakroom.SessionContext}.
 *       That reads the cookie only; the store is read the first time a handler asks for the session.</li>
 *   <li>an {@code after} handler that commits: saves or touches the session and adds the
 *       {@code Set-Cookie} header. Javalin holds back {@code ctx.result(...)} and
 *       {@code ctx.redirect(...)} until every after handler has finished, so the store write is
 *       complete before the status line leaves: a redirect after login never races the save.
 *       The commit also runs when the endpoint threw (after Javalin's exception handler), as
 *       express-session saves on every response end. It runs once per request, after every after
 *       handler the application declared, so those may still change the session.</li>
 *   <li>an exception handler that turns {@link SessionStoreException} into
 *       {@code 503 Service Unavailable} with a short plain-text body. Core has already logged the
 *       failure once, naming the session only by fingerprint. A failed commit gets the same 503
 *       and is not retried. An application that registers its own handler for
 *       {@code SessionStoreException} after registering the plugin replaces this one for
 *       failures inside handlers; a failed commit always gets this 503.</li>
 *   <li>an exception handler that turns {@link SessionGoneException} into {@code 409 Conflict}
 *       with a short plain-text body and {@code Cache-Control: no-store}. A handler gets it when
 *       another request renewed or destroyed the session first: the loser of two concurrent
 *       {@code regenerate()} or {@code changeId()} calls (a double-submitted login), or a
 *       {@code reload()} or {@code save()} of a session no longer stored. The request has no
 *       session any more, so the answer sends no session cookie and the browser keeps the one
 *       the winning request sent. An application handler registered for
 *       {@code SessionGoneException} after the plugin replaces this one.</li>
 *   <li>exception handlers for a save Cloakroom refused, which wrote nothing: {@link SessionTooLargeException}
 *       becomes {@code 413 Content Too Large} and {@link SessionConflictException} {@code 409 Conflict},
 *       each with a short plain-text body, whether a handler's {@code save()} or the commit threw it.
 *       After a handler's refused save the commit leaves the store alone, so a 409 never hides a
 *       later successful write.</li>
 * </ul>
 *
 * <p><b>Streaming.</b> A handler that writes more than the response buffer (32 KB on Jetty) to
 * {@code ctx.outputStream()} or {@code ctx.res()}, or flushes, commits the response before the
 * after handler runs; the {@code Set-Cookie} header can then no longer be sent. Such a handler
 * must call {@link Cloakroom#commit(Context)} before it starts writing. The after handler still
 * saves changes made afterwards to the store, but a cookie it would have sent is dropped and a
 * warning logged. A store failure after the response is committed cannot become a 503.
 */
public final class CloakroomPlugin extends Plugin<Void> {

    /** Where each application keeps its manager, so {@link Cloakroom} can find it from a context. */
    static final Key<SessionManager> MANAGER = new Key<>("dev.cloakroom.javalin.manager");

    private static final String UNAVAILABLE = "Session store unavailable, please try again later.";
    private static final String GONE = "The session was changed by another request at the same time, please try again.";
    private static final String TOO_LARGE = "The session would grow past the size this server allows; nothing was saved.";
    private static final String CONFLICT = "Another request changed this session at the same time; nothing was saved. Please try again.";

    private final SessionManager manager;

    /**
     * Sessions configured by {@code options}; the plugin owns one {@link SessionManager}.
     *
     * @param options the checked options, store included
     * @throws NullPointerException if {@code options} is null
     */
    public CloakroomPlugin(SessionOptions options) {
        this(new SessionManager(Objects.requireNonNull(options, "options")));
    }

    /**
     * Sessions handled by a manager the caller made, for example with its own clock.
     *
     * @param manager the manager
     */
    public CloakroomPlugin(SessionManager manager) {
        this.manager = Objects.requireNonNull(manager, "manager");
    }

    /** {@return the user sessions of this plugin's manager, for code outside a request, such as disabling an account} */
    public UserSessions users() {
        return manager.users();
    }

    /** Early, so handlers other plugins add already see the session. */
    @Override
    public PluginPriority priority() {
        return PluginPriority.EARLY;
    }

    @Override
    public String name() {
        return "Cloakroom";
    }

    @Override
    public void onInitialize(JavalinState state) {
        state.appData(MANAGER, manager);
        state.routes.before(ctx -> RequestSessions.of(ctx, manager));
        state.routes.exception(SessionStoreException.class, (e, ctx) -> {
            RequestSessions sessions = ctx.attribute(RequestSessions.ATTRIBUTE);
            if (sessions != null) {
                sessions.storeFailed = true;
            }
            unavailable(ctx);
        });
        state.routes.exception(SessionGoneException.class, (e, ctx) -> refused(ctx, e));
        state.routes.exception(SessionTooLargeException.class, (e, ctx) -> refusedInHandler(ctx, e));
        state.routes.exception(SessionConflictException.class, (e, ctx) -> refusedInHandler(ctx, e));
    }

    private static void refusedInHandler(Context ctx, SessionException e) {
        RequestSessions sessions = ctx.attribute(RequestSessions.ATTRIBUTE);
        if (sessions != null) {
            sessions.storeFailed = true;
        }
        refused(ctx, e);
    }

    /**
     * Registers the commit once the application's own configuration has run, so it comes after
     * every after handler the application declared, wherever it registered the plugin.
     */
    @Override
    public void onStart(JavalinState state) {
        state.routes.after(CloakroomPlugin::finish);
    }

    private static void finish(Context ctx) {
        RequestSessions sessions = ctx.attribute(RequestSessions.ATTRIBUTE);
        if (sessions == null || sessions.finished || sessions.storeFailed) {
            return;
        }
        sessions.finished = true;
        try {
            sessions.context.commit();
        } catch (SessionStoreException e) {
            sessions.storeFailed = true;
            unavailable(ctx);
        } catch (SessionTooLargeException | SessionConflictException e) {
            refused(ctx, e);
        }
    }

    /** 413 or 409 for a save Cloakroom refused, or 409 for a session another request renewed first; fixed text, as for the 503. */
    private static void refused(Context ctx, SessionException e) {
        if (ctx.res().isCommitted()) {
            return;
        }
        ctx.removeHeader("Location");
        ctx.status(e instanceof SessionTooLargeException ? 413 : 409);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(ContentType.TEXT_PLAIN.getMimeType() + "; charset=utf-8");
        ctx.result(e instanceof SessionTooLargeException ? TOO_LARGE : e instanceof SessionGoneException ? GONE : CONFLICT);
    }

    /** The 503 answer. The body is fixed text: it never echoes the exception, which could name the store or the id. */
    private static void unavailable(Context ctx) {
        if (ctx.res().isCommitted()) {
            return;
        }
        RequestSessions sessions = ctx.attribute(RequestSessions.ATTRIBUTE);
        if (sessions != null) {
            sessions.context.answeredUnavailable();
        }
        ctx.removeHeader("Location");
        ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
        ctx.contentType(ContentType.TEXT_PLAIN.getMimeType() + "; charset=utf-8");
        ctx.result(UNAVAILABLE);
    }
}
