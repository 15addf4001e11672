package dev.cloakroom.servlet;

import dev.cloakroom.Session;
import dev.cloakroom.SessionContext;
import dev.cloakroom.SessionManager;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.SessionStoreException;
import dev.cloakroom.servlet.internal.CommitGuardResponse;
import dev.cloakroom.servlet.internal.RequestSessions;
import dev.cloakroom.servlet.internal.ServletExchange;
import dev.cloakroom.servlet.internal.SessionRequestWrapper;
import dev.cloakroom.servlet.internal.StoreFailures;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Objects;

/**
 * Servlet sessions kept by Cloakroom. Existing code keeps calling {@code request.getSession()};
 * the {@link jakarta.servlet.http.HttpSession} it gets is backed by the configured store and
 * the express-session compatible cookie. Register it for {@code /*} and the {@code REQUEST}
 * dispatch, ahead of anything that uses sessions:
 *
 * <pre>{@code
 * context.addFilter(new CloakroomFilter(options), "/*", EnumSet.of(DispatcherType.REQUEST));
 * }</pre>
 *
 * <p>The session is committed (saved, and its cookie added) before the response is: on a
 * redirect, an error, a buffer flush, the first byte of the body, or when the chain returns.
 * So a redirect after login never reaches the browser before the store holds the login.
 * Changes made after the body started are saved at the end without a new cookie, and a new
 * session can no longer be created then. Asynchronous requests keep the wrappers; their session
 * is committed at the first body byte or in {@code AsyncContext.complete()}.
 *
 * <p>When the store fails, the response (if nothing of it was sent yet) becomes
 * {@code 503 Service Unavailable} in plain text; core has logged the failure.
 *
 * <p>The container's own session manager is bypassed for requests this filter sees; it should
 * not be configured at the same time.
 */
public final class CloakroomFilter implements Filter {

    private static final String CONTEXT_ATTRIBUTE = SessionContext.class.getName();

    private final SessionManager manager;

    public CloakroomFilter(SessionOptions options) {
        this.manager = new SessionManager(Objects.requireNonNull(options, "options"));
    }

    /**
     * The express-style session for a request this filter handles, created if the visitor has
     * none; the same session {@code request.getSession()} shows.
     *
     * @throws IllegalStateException when the filter did not run for this request
     */
    public static Session session(HttpServletRequest request) {
        return context(request).session();
    }

    /**
     * The request's session handling, for {@link SessionContext#existing()} (no session created)
     * and {@link SessionContext#clearCookie()} at logout.
     *
     * @throws IllegalStateException when the filter did not run for this request
     */
    public static SessionContext context(HttpServletRequest request) {
        Object context = request.getAttribute(CONTEXT_ATTRIBUTE);
        if (!(context instanceof SessionContext sessions)) {
            throw new IllegalStateException("CloakroomFilter did not handle this request: map it to the path"
                    + " for the REQUEST dispatch");
        }
        return sessions;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest httpRequest) || !(res instanceof HttpServletResponse httpResponse)
                || req.getAttribute(CONTEXT_ATTRIBUTE) != null) {
            chain.doFilter(req, res);
            return;
        }
        ServletExchange exchange = new ServletExchange(httpRequest, httpResponse);
        RequestSessions sessions = new RequestSessions(manager.open(exchange));
        CommitGuardResponse response = new CommitGuardResponse(httpResponse, sessions, exchange);
        SessionRequestWrapper request = new SessionRequestWrapper(httpRequest, sessions, response, manager.options().name());
        httpRequest.setAttribute(CONTEXT_ATTRIBUTE, sessions);

        Throwable failure = null;
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            failure = e;
        }
        if (failure == null && request.isAsyncStarted()) {
            request.getAsyncContext().addListener(new CommitOnComplete(sessions));
            return;
        }
        if (failure == null || StoreFailures.find(failure) == null) {
            try {
                sessions.commit();
            } catch (SessionStoreException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure == null) {
            return;
        }
        if (StoreFailures.find(failure) != null && !httpResponse.isCommitted()) {
            StoreFailures.answer503(httpResponse);
            return;
        }
        StoreFailures.rethrow(failure);
    }

    /**
     * An asynchronous request commits its session at its first body byte or in
     * {@code AsyncContext.complete()}, through the same wrappers. This is the fallback for one that
     * ends another way (a dispatch, a timeout): what changed is saved, but the response has gone,
     * so a cookie could no longer be sent.
     */
    private record CommitOnComplete(RequestSessions sessions) implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            try {
                sessions.commit();
            } catch (SessionStoreException e) {
                // Already logged by core; the response is gone, nothing else can be told.
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
