package dev.cloakroom.servlet.internal;

import dev.cloakroom.Session;
import dev.cloakroom.SessionTransport;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.util.Optional;

/**
 * The request handed to the application: its session methods answer from Cloakroom instead of
 * the container.
 */
public final class SessionRequestWrapper extends HttpServletRequestWrapper {

    private final RequestSessions sessions;
    private final CommitGuardResponse response;
    private final String cookieName;
    private final SessionTransport transport;
    private SessionAsyncContext asyncContext;

    /**
     * Wraps {@code request} for the application.
     *
     * @param request    the container's request
     * @param sessions   the request's session handling
     * @param response   the guarded response handed to the application with it
     * @param cookieName the session cookie's name, for {@code getRequestedSessionId()}
     * @param transport  where the id travels, for {@code getRequestedSessionId()}
     */
    public SessionRequestWrapper(HttpServletRequest request, RequestSessions sessions, CommitGuardResponse response,
                                 String cookieName, SessionTransport transport) {
        super(request);
        this.sessions = sessions;
        this.response = response;
        this.cookieName = cookieName;
        this.transport = transport;
    }

    /**
     * {@return whether {@code request} is, or wraps, one of these} A later dispatch then needs no second wrapper.
     *
     * @param request the request a dispatch received
     */
    public static boolean isWrapped(ServletRequest request) {
        for (ServletRequest r = request; r != null; r = r instanceof ServletRequestWrapper w ? w.getRequest() : null) {
            if (r instanceof SessionRequestWrapper) {
                return true;
            }
        }
        return false;
    }

    /**
     * The visitor's session, or with {@code create} a new one when there is none (or it was
     * invalidated in this request); {@code null} without {@code create}. Reading the store happens
     * here, on first use, not when the request arrives.
     *
     * @throws dev.cloakroom.SessionStoreException when the store fails (the filter answers 503)
     * @throws IllegalStateException when a new session is needed after the response body started,
     *                               or the request lies outside the cookie path
     */
    @Override
    public HttpSession getSession(boolean create) {
        Optional<Session> existing = sessions.liveExisting();
        if (existing.isPresent()) {
            return sessions.view(existing.get());
        }
        if (!create) {
            return null;
        }
        Session session = sessions.session();
        if (session.isInvalidated()) {
            throw new IllegalStateException("this version of Cloakroom cannot start a new session in the request"
                    + " that invalidated the old one; the next request will get one");
        }
        return sessions.view(session);
    }

    @Override
    public HttpSession getSession() {
        return getSession(true);
    }

    /**
     * Moves the session's data to a new id and deletes the old id from the store, the fixation
     * defence for login.
     *
     * @throws IllegalStateException when the request has no session, or the response body has
     *                               started (the new cookie could no longer be sent)
     */
    @Override
    public String changeSessionId() {
        Session session = sessions.liveExisting()
                .orElseThrow(() -> new IllegalStateException("the request has no session"));
        if (sessions.isCommitted()) {
            throw new IllegalStateException("cannot change the session id after the response body has started");
        }
        String oldId = session.id();
        session.changeId();
        sessions.idChanged(session, oldId);
        return session.id();
    }

    /**
     * The id in the request's session cookie or token, or {@code null} when there is none or its
     * signature does not verify: an unsigned id is never handed to application code.
     */
    @Override
    public String getRequestedSessionId() {
        if (!sessions.hasSignedCookie()) {
            return null;
        }
        return transport.isCookie() ? RequestedId.find(getHeaders("Cookie"), cookieName)
                : RequestedId.inToken(getHeader(transport.requestHeader().orElseThrow()));
    }

    /** Whether the signed cookie names the session this request is using now (reads the store). */
    @Override
    public boolean isRequestedSessionIdValid() {
        String requested = getRequestedSessionId();
        return requested != null && sessions.liveExisting().map(s -> requested.equals(s.id())).orElse(false);
    }

    @Override
    public boolean isRequestedSessionIdFromCookie() {
        return transport.isCookie() && sessions.hasSignedCookie();
    }

    /** Cloakroom never reads session ids from URLs. */
    @Override
    public boolean isRequestedSessionIdFromURL() {
        return false;
    }

    /**
     * Keeps the session wrappers in force for asynchronous processing, and commits the session
     * when the application calls {@link AsyncContext#complete()}.
     */
    @Override
    public AsyncContext startAsync() {
        return wrap(super.startAsync(this, response));
    }

    @Override
    public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
        return wrap(super.startAsync(request, response));
    }

    @Override
    public AsyncContext getAsyncContext() {
        return wrap(super.getAsyncContext());
    }

    private AsyncContext wrap(AsyncContext async) {
        if (asyncContext == null || asyncContext.delegate() != async) {
            asyncContext = new SessionAsyncContext(async, sessions, (HttpServletResponse) response.getResponse());
        }
        return asyncContext;
    }
}
