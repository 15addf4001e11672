package dev.cloakroom.servlet.internal;

import dev.cloakroom.SessionGoneException;
import dev.cloakroom.SessionStoreException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Turning a store failure into the 503 the design promises, a session another request renewed or
 * destroyed first into a 409, and passing anything else on.
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
     * {@return whether {@code failure}, or one of its causes, is a {@link SessionGoneException}}
     *
     * @param failure what the filter chain threw
     */
    public static boolean isGone(Throwable failure) {
        return find(failure, SessionGoneException.class) != null;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /**
     * Replaces the uncommitted response with a plain 503. The body is fixed text: the exception's
     * message is not echoed, and nothing names the session.
     *
     * @param response the response, not yet committed
     * @throws IOException when the body cannot be written
     */
    public static void answer503(HttpServletResponse response) throws IOException {
        answer(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, BODY);
    }

    /**
     * Replaces the uncommitted response with a plain 409: the session was renewed or destroyed by
     * another request first, so this one has none. Fixed text, as for the 503.
     *
     * @param response the response, not yet committed
     * @throws IOException when the body cannot be written
     */
    public static void answer409(HttpServletResponse response) throws IOException {
        answer(response, HttpServletResponse.SC_CONFLICT, GONE_BODY);
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

    /**
     * What the container gets when the store failed after the response was committed, so no 503
     * could be sent: a fresh exception with core's message (operation, store class, the session's
     * fingerprint) and nothing else. Not the failure itself: the container logs the whole chain,
     * and an application exception wrapping the store failure may name the session in its own
     * message. Core has already logged the failure once, at WARN.
     *
     * @param storeFailure the store failure
     * @return the exception to throw to the container
     */
    public static ServletException afterCommit(SessionStoreException storeFailure) {
        return new ServletException("the response was already committed when the " + storeFailure.getMessage());
    }

    /**
     * Throws {@code failure} again as the filter may: as itself when it is an {@code IOException},
     * a {@code ServletException}, a {@code RuntimeException} or an {@code Error}.
     *
     * @param failure what the filter chain threw
     * @throws IOException      when {@code failure} is one
     * @throws ServletException when {@code failure} is one
     */
    public static void rethrow(Throwable failure) throws IOException, ServletException {
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
