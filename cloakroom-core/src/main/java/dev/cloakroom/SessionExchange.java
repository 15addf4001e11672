package dev.cloakroom;

/**
 * One request/response pair, as an adapter presents it to {@link SessionManager}. The adapter
 * promises to call {@link SessionContext#commit()} before its framework commits the response.
 */
public interface SessionExchange extends SessionRequest {

    /** Adds a {@code Set-Cookie} header, keeping any the application already added. */
    void addSetCookie(String headerValue);
}
