package dev.cloakroom;

/**
 * One request/response pair, as an adapter presents it to {@link SessionManager}. The adapter
 * promises to call {@link SessionContext#commit()} before its framework commits the response.
 */
public interface SessionExchange extends SessionRequest {

    /**
     * Adds a {@code Set-Cookie} header, keeping any the application already added.
     *
     * @param headerValue the header's value, without the {@code Set-Cookie:} name
     */
    void addSetCookie(String headerValue);

    /**
     * {@return whether headers can still be added although the session was committed once} A servlet
     * response can, after {@code sendError} and before the error page renders. Then a later commit follows
     * the first commit's rules again, so a session created by the error page gets its cookie.
     * {@code false} (the default) when the framework cannot tell.
     */
    default boolean headersStillOpen() {
        return false;
    }
}
