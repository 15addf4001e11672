package dev.cloakroom.servlet.internal;

import dev.cloakroom.SessionException;
import dev.cloakroom.SessionGoneException;
import dev.cloakroom.SessionStoreException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Turning a store failure into the 503 the design promises, a session another request renewed or
 * destroyed first into a 409, a refused save into its answer, and passing anything else on.
 */
public final class StoreFailures {

    private static final byte[] BODY = "Service Unavailable: the session store cannot be reached.\n"
            .getBytes(StandardCharsets.UTF_8);

    private static final byte[] GONE_BODY = "Conflict: the session was changed by another request at the same time, please try again.\n"
            .getBytes(StandardCharsets.UTF_8);

    private StoreFailures() {
    }

    /**
     * {@return the store failure behind {@code failure}, following causes (a servlet may wrap it), or {@code null}}
     *
     * @param failure what the filter chain threw
     */
    public static SessionStoreException find(Throwable failure) {
        return find(failure, SessionStoreException.class);
    }

    /**
     * Answers {@code failure} as the design promises while nothing of the response was sent: a
     * store failure with 503, a session another request renewed or destroyed first with 409, a save
     * Cloakroom refused with 413 or 409 (see {@link SaveRefusals}). The same whether it came out of
     * the filter chain, an async dispatch, work run by {@code AsyncContext.start} or the commit.
     *
     * @param failure  what was thrown, followed through its causes (an application may wrap it)
     * @param sessions the request's session handling, told about a 503
     * @param response the container's own response, not a wrapper that commits the session
     * @return whether it answered; {@code false} when the failure is none of these or the response
     *         was committed
     * @throws IOException when the body cannot be written
     */
    public static boolean answered(Throwable failure, RequestSessions sessions, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return false;
        }
        if (find(failure) != null) {
            // Counted first: once the 503 is written the client may read it before this thread goes on.
            sessions.answeredUnavailable();
            answer(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, BODY);
            return true;
        }
        if (find(failure, SessionGoneException.class) != null) {
            answer(response, HttpServletResponse.SC_CONFLICT, GONE_BODY);
            return true;
        }
        SessionException refusal = SaveRefusals.find(failure);
        if (refusal != null) {
            SaveRefusals.answer(response, refusal);
            return true;
        }
        return false;
    }

    /**
     * {@link #answered Answers} {@code failure}, or throws what the container should get: for a store
     * failure after the response was committed, a fresh exception with core's message (operation,
     * store class, the session's fingerprint) and nothing else; otherwise {@code failure} itself.
     * Not the store failure as thrown: the container logs the whole chain, and an application
     * exception wrapping it may name the session in its own message. Core has already logged it.
     *
     * @param failure  what was thrown
     * @param sessions the request's session handling
     * @param response the container's own response
     * @throws IOException      when the body cannot be written, or {@code failure} is one
     * @throws ServletException for a store failure after commit, or when {@code failure} is one
     */
    public static void answerOrRethrow(Throwable failure, RequestSessions sessions, HttpServletResponse response)
            throws IOException, ServletException {
        if (answered(failure, sessions, response)) {
            return;
        }
        SessionStoreException storeFailure = find(failure);
        if (storeFailure != null) {
            throw afterCommit(storeFailure);
        }
        rethrow(failure);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static void answer(HttpServletResponse response, int status, byte[] body) throws IOException {
        response.reset();
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        try {
            response.getOutputStream().write(body);
        } catch (IllegalStateException writerInUse) {
            response.getWriter().write(new String(body, StandardCharsets.UTF_8));
        }
    }

    /** The exception for the container when a store failure came after commit; see {@link #answerOrRethrow}. */
    static ServletException afterCommit(SessionStoreException storeFailure) {
        return new ServletException("the response was already committed when the " + storeFailure.getMessage());
    }

    /** Throws {@code failure} again as the filter may: it is an {@code IOException}, a {@code ServletException}, a {@code RuntimeException} or an {@code Error}. */
    private static void rethrow(Throwable failure) throws IOException, ServletException {
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof ServletException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        throw (Error) failure;
    }
}
