package dev.cloakroom;

/**
 * One request/response pair, as an adapter presents it to {@link SessionManager}. The adapter
 * promises to call {@link SessionContext#commit()} before its framework commits the response.
 */
public interface SessionExchange extends SessionRequest {

    /** Adds a {@code Set-Cookie} header, keeping any the application already added. */
    void addSetCookie(String headerValue);

    /**
     * Whether headers can still be added although the session was committed once: a servlet
     * response after {@code sendError}, before the error page renders. Then a later commit follows
     * the first commit's rules again, so a session created by the error page gets its cookie.
     * {@code false} (the default) when the framework cannot tell.
     */
    default boolean headersStillOpen() {
        return false;
    }
}
