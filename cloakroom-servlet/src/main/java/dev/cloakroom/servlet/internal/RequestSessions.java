package dev.cloakroom.servlet.internal;

import dev.cloakroom.Session;
import dev.cloakroom.SessionContext;

import java.util.Optional;

/**
 * Core's {@link SessionContext} for one request, plus what the filter needs to know: whether the
 * session has been committed already (because the response body started), after which a new
 * session cannot be created because its cookie could no longer be sent.
 */
public final class RequestSessions implements SessionContext {

    private final SessionContext core;
    private boolean committed;

    public RequestSessions(SessionContext core) {
        this.core = core;
    }

    /**
     * As core's, but refuses to create a session once the session was committed: the browser
     * would never get its cookie, so the session would be lost after this response.
     *
     * @throws IllegalStateException when a new session would be needed after the body started
     */
    @Override
    public Session session() {
        if (committed && liveExisting().isEmpty()) {
            throw new IllegalStateException("cannot create a session after the response body has started:"
                    + " call request.getSession() before writing the body");
        }
        return core.session();
    }

    @Override
    public Optional<Session> existing() {
        return core.existing();
    }

    /** The existing session unless it was invalidated in this request. */
    Optional<Session> liveExisting() {
        return core.existing().filter(s -> !s.isInvalidated());
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

    /** The first commit, with the cookie; does nothing once committed. Called just before the response commits. */
    void commitOnce() {
        if (!committed) {
            commit();
        }
    }

    boolean isCommitted() {
        return committed;
    }
}
