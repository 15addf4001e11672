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
     * Sets a response header, replacing any value it had. Only header transport
     * ({@link SessionTransport#bearer()}, {@link SessionTransport#header(String)}) calls it, to
     * issue the session token and {@code Cache-Control: no-store}. The default throws, so an
     * adapter written before header transport fails at the first such response rather than
     * silently sending no token; Cloakroom's own adapters implement it.
     *
     * @param name  the header name
     * @param value the header value, empty to tell the client to forget its token
     * @throws UnsupportedOperationException when the adapter cannot set headers
     */
    default void setHeader(String name, String value) {
        throw new UnsupportedOperationException(getClass().getName() + " does not implement SessionExchange.setHeader,"
                + " which header transport needs; use SessionTransport.cookie() with this adapter");
    }

    /**
     * {@return the response header's values so far, joined with {@code ", "}, or null when it has none}
     * Cloakroom reads {@code Cache-Control} and {@code Vary} on a response that carries the session
     * cookie, to merge {@code private} and {@code Cookie} into what the application set (see
     * {@link SessionOptions.Builder#cacheControl(boolean)}). The default returns null, so such an
     * adapter's responses get Cloakroom's values in place of the application's; Cloakroom's own
     * adapters implement it.
     *
     * @param name the header name, in any case
     */
    default String responseHeader(String name) {
        return null;
    }

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
