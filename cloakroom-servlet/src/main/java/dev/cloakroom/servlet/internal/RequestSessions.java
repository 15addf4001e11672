package dev.cloakroom.servlet.internal;

import dev.cloakroom.Session;
import dev.cloakroom.SessionContext;
import jakarta.servlet.ServletContext;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Core's {@link SessionContext} for one request, plus what the servlet side needs: whether the
 * session was committed already (after which a new session can only be created while headers can
 * still be sent), the {@code HttpSession} view of it, and the listeners to tell about new sessions.
 * One instance serves every dispatch of the request (REQUEST, then FORWARD, INCLUDE, ERROR, ASYNC).
 */
public final class RequestSessions implements SessionContext {

    private final SessionContext core;
    private final ServletExchange exchange;
    private final SessionListeners listeners;
    private final ServletContext servletContext;
    private final Duration idleTimeout;
    private final long start;
    private final Set<String> announced = new HashSet<>(2);
    private boolean committed;
    private CloakroomHttpSession view;

    /**
     * The session handling of one request.
     *
     * @param core           core's session handling for the request
     * @param exchange       the container's request and response
     * @param listeners      the listeners to tell about sessions
     * @param servletContext the context the {@code HttpSession} view reports
     * @param idleTimeout    the options' server-side idle limit, or {@code null} for none
     * @param start          when the request began, in epoch milliseconds
     */
    public RequestSessions(SessionContext core, ServletExchange exchange, SessionListeners listeners,
                           ServletContext servletContext, Duration idleTimeout, long start) {
        this.core = core;
        this.exchange = exchange;
        this.listeners = listeners;
        this.servletContext = servletContext;
        this.idleTimeout = idleTimeout;
        this.start = start;
    }

    /**
     * As core's, but refuses to create a session once the session was committed and headers can no
     * longer be sent: the browser would never get its cookie, so the session would be lost.
     *
     * @throws IllegalStateException when a new session would be needed after the response started
     */
    @Override
    public Session session() {
        if (committed && !exchange.headersStillOpen() && liveExisting().isEmpty()) {
            throw new IllegalStateException("cannot create a session after the response body has started:"
                    + " call request.getSession() before writing the body");
        }
        Session session = core.session();
        if (session.isNew() && !session.isInvalidated() && announced.add(session.id())) {
            listeners.created(view(session));
        }
        return session;
    }

    @Override
    public Optional<Session> existing() {
        return core.existing();
    }

    /** The existing session unless it was invalidated in this request. */
    Optional<Session> liveExisting() {
        return core.existing().filter(s -> !s.isInvalidated());
    }

    /** The {@code HttpSession} face of {@code session}, the same object for the same session. */
    CloakroomHttpSession view(Session session) {
        if (view == null || view.session() != session) {
            view = new CloakroomHttpSession(session, servletContext, start, listeners, idleTimeout);
        }
        return view;
    }

    /** Tells the listeners about an id {@code changeSessionId()} replaced. */
    void idChanged(Session session, String oldId) {
        announced.add(session.id());
        listeners.idChanged(view(session), oldId);
    }

    @Override
    public boolean hasSignedCookie() {
        return core.hasSignedCookie();
    }

    @Override
    public void clearCookie() {
        core.clearCookie();
    }

    @Override
    public void commit() {
        committed = true;
        core.commit();
    }

    @Override
    public void answeredUnavailable() {
        core.answeredUnavailable();
    }

    /** The first commit, with the cookie; does nothing once committed. Called just before the response commits. */
    void commitOnce() {
        if (!committed) {
            commit();
        }
    }

    /**
     * Starts a new commit round for a later dispatch (an error page) while the response is still
     * open, so what it does to the session is committed, cookie included, before its body leaves.
     */
    public void reopenForDispatch() {
        if (exchange.headersStillOpen()) {
            committed = false;
        }
    }

    boolean isCommitted() {
        return committed;
    }

    ServletExchange exchange() {
        return exchange;
    }
}
