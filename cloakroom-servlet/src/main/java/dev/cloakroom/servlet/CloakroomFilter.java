package dev.cloakroom.servlet;

import dev.cloakroom.Session;
import dev.cloakroom.SessionContext;
import dev.cloakroom.SessionManager;
import dev.cloakroom.UserSessions;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.SessionConflictException;
import dev.cloakroom.SessionStoreException;
import dev.cloakroom.SessionTooLargeException;
import dev.cloakroom.servlet.internal.CommitGuardResponse;
import dev.cloakroom.servlet.internal.RequestSessions;
import dev.cloakroom.servlet.internal.SaveRefusals;
import dev.cloakroom.servlet.internal.ServletExchange;
import dev.cloakroom.servlet.internal.SessionListeners;
import dev.cloakroom.servlet.internal.SessionRequestWrapper;
import dev.cloakroom.servlet.internal.StoreFailures;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Clock;
import java.util.EventListener;
import java.util.List;
import java.util.Objects;

/**
 * Servlet sessions kept by Cloakroom. Existing code keeps calling {@code request.getSession()};
 * the {@link jakarta.servlet.http.HttpSession} it gets is backed by the configured store and
 * the express-session compatible cookie. Register it for {@code /*} and every dispatch type,
 * ahead of anything that uses sessions:
 *
 * <pre>{@code
 * context.addFilter(new CloakroomFilter(options), "/*", EnumSet.allOf(DispatcherType.class));
 * }</pre>
 *
 * <p>Every dispatch of one request shares one session. A later dispatch that arrives without this
 * filter's request wrapper, as an error page does in Tomcat, is wrapped again, so it never reaches
 * the container's own sessions (no {@code JSESSIONID}); while the response is still open, a session
 * it creates gets its cookie.
 *
 * <p>The session is committed (saved, and its cookie added) before the response is: on a
 * redirect, an error, a buffer flush, the first byte of the body, or when the chain returns.
 * So a redirect after login never reaches the browser before the store holds the login.
 * Changes made after the body started are saved at the end without a new cookie, and a new
 * session can no longer be created then. Asynchronous requests keep the wrappers; their session
 * is committed at the first body byte or in {@code AsyncContext.complete()}.
 *
 * <p>When the store fails, the response (if nothing of it was sent yet) becomes
 * {@code 503 Service Unavailable} in plain text; core has logged the failure. When the chain throws
 * {@link dev.cloakroom.SessionGoneException} (wrapped or not) because another request renewed or
 * destroyed the session first, such as the loser of two concurrent {@code regenerate()} or
 * {@code changeId()} calls from a double-submitted login, the response becomes
 * {@code 409 Conflict} in plain text with {@code Cache-Control: no-store}; the request has no
 * session any more, and the browser keeps the cookie the winning request sent. After the response
 * was committed the exception goes to the container unchanged; its message never names the session.
 * A save Cloakroom refused, writing nothing, becomes {@code 413 Content Too Large} for a session
 * over {@code maxSessionBytes} and {@code 409 Conflict} for a conflict ({@code checkReads}, or a
 * session contended too long), also in plain text. Failures of work run by
 * {@code AsyncContext.start}, and of an ASYNC dispatch (where Spring MVC rethrows a failed
 * {@code Callable} or {@code DeferredResult}), get the same answers.
 *
 * <p>The container's own session manager is bypassed for requests this filter sees; it should
 * not be configured at the same time. {@code HttpSessionListener}, {@code HttpSessionAttributeListener}
 * and {@code HttpSessionIdListener}s registered with the container are not seen by this filter: pass
 * them to {@link #CloakroomFilter(SessionOptions, List)}.
 */
public final class CloakroomFilter implements Filter {

    private static final String CONTEXT_ATTRIBUTE = SessionContext.class.getName();
    private static final String USERS_ATTRIBUTE = UserSessions.class.getName();

    private final SessionManager manager;
    private final SessionListeners listeners;
    private final Clock clock;

    /**
     * A filter that calls no session listeners.
     *
     * @param options the checked options, store included
     * @throws NullPointerException if {@code options} is null
     */
    public CloakroomFilter(SessionOptions options) {
        this(options, List.of());
    }

    /**
     * A filter that calls these session listeners where the Servlet specification says, such as
     * Spring Security's {@code HttpSessionEventPublisher}.
     *
     * @param options   the checked options, store included
     * @param listeners the listeners, each of one or more of the three session listener types
     * @throws IllegalArgumentException for a listener that is none of {@code HttpSessionListener},
     *                                  {@code HttpSessionAttributeListener}, {@code HttpSessionIdListener}
     */
    public CloakroomFilter(SessionOptions options, List<? extends EventListener> listeners) {
        this(options, listeners, Clock.systemUTC());
    }

    /** As the public constructor, on a clock of the caller's: for tests that move time. */
    CloakroomFilter(SessionOptions options, List<? extends EventListener> listeners, Clock clock) {
        this.manager = new SessionManager(Objects.requireNonNull(options, "options"), clock);
        this.listeners = new SessionListeners(Objects.requireNonNull(listeners, "listeners"));
        this.clock = clock;
    }

    /**
     * The express-style session for a request this filter handles, created if the visitor has
     * none; the same session {@code request.getSession()} shows.
     *
     * @param request a request this filter handles
     * @return the session
     * @throws IllegalStateException when the filter did not run for this request
     */
    public static Session session(HttpServletRequest request) {
        return context(request).session();
    }

    /**
     * The request's session handling, for {@link SessionContext#existing()} (no session created)
     * and {@link SessionContext#clearCookie()} at logout.
     *
     * @param request a request this filter handles
     * @return the request's session handling
     * @throws IllegalStateException when the filter did not run for this request
     */
    public static SessionContext context(HttpServletRequest request) {
        Object context = request.getAttribute(CONTEXT_ATTRIBUTE);
        if (!(context instanceof SessionContext sessions)) {
            throw new IllegalStateException("CloakroomFilter did not handle this request: map it to the path"
                    + " for every dispatch type");
        }
        return sessions;
    }

    /**
     * The sessions of each user, for a handler's "sign out everywhere else" or "your devices" page:
     * list them, revoke one, the others or all. Needs a store that is a
     * {@code UserIndexedSessionStore}; the sessions are found through {@code Session.bindUser}.
     *
     * @param request a request this filter handles
     * @return this filter's user sessions
     * @throws IllegalStateException when the filter did not run for this request
     */
    public static UserSessions users(HttpServletRequest request) {
        context(request);
        return (UserSessions) request.getAttribute(USERS_ATTRIBUTE);
    }

    /** {@return this filter's user sessions, for code outside a request, such as disabling an account} */
    public UserSessions users() {
        return manager.users();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest httpRequest) || !(res instanceof HttpServletResponse httpResponse)) {
            chain.doFilter(req, res);
            return;
        }
        RequestSessions sessions;
        if (req.getAttribute(CONTEXT_ATTRIBUTE) instanceof RequestSessions earlier) {
            if (SessionRequestWrapper.isWrapped(req) && req.getDispatcherType() == DispatcherType.ASYNC) {
                asyncDispatch(req, res, chain, earlier, httpResponse);
                return;
            }
            if (SessionRequestWrapper.isWrapped(req)) {
                chain.doFilter(req, res);
                return;
            }
            sessions = earlier;
            sessions.reopenForDispatch();
        } else {
            ServletExchange exchange = new ServletExchange(httpRequest, httpResponse);
            sessions = new RequestSessions(manager.open(exchange), exchange, listeners, httpRequest.getServletContext(),
                    manager.options().idleTimeout().orElse(null), clock.millis());
            httpRequest.setAttribute(CONTEXT_ATTRIBUTE, sessions);
            httpRequest.setAttribute(USERS_ATTRIBUTE, manager.users());
        }
        CommitGuardResponse response = new CommitGuardResponse(httpResponse, sessions);
        SessionRequestWrapper request = new SessionRequestWrapper(httpRequest, sessions, response, manager.options().name(),
                manager.options().transport());

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
        if (failure == null || (StoreFailures.find(failure) == null && SaveRefusals.find(failure) == null)) {
            try {
                sessions.commit();
            } catch (SessionStoreException | SessionTooLargeException | SessionConflictException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            StoreFailures.answerOrRethrow(failure, sessions, httpResponse);
        }
    }

    /**
     * An async dispatch of a request already wrapped: nothing else answers for the session there,
     * and it is where Spring MVC rethrows what a {@code Callable} or {@code DeferredResult} failed
     * with, so its failures get the answers of the first dispatch. The session is committed as for
     * any asynchronous request, at the first body byte or when the request completes.
     */
    private static void asyncDispatch(ServletRequest req, ServletResponse res, FilterChain chain, RequestSessions sessions,
                                      HttpServletResponse httpResponse) throws IOException, ServletException {
        try {
            chain.doFilter(req, res);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            StoreFailures.answerOrRethrow(e, sessions, httpResponse);
        }
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
            } catch (SessionStoreException | SessionTooLargeException | SessionConflictException e) {
                // Logged by core or refused with nothing written; the response is gone, nothing else can be told.
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
