package dev.cloakroom.testkit;

import dev.cloakroom.SessionContext;

/** One request as a {@link TestHandler} sees it, whatever the adapter. */
public interface TestCall {

    /** {@return the request path, without the query string} */
    String path();

    /**
     * {@return a query parameter, or {@code null}}
     *
     * @param name the parameter name
     */
    String query(String name);

    /**
     * {@return a request header, or {@code null}}
     *
     * @param name the header name, in any case
     */
    String header(String name);

    /** {@return the adapter's session handling for this request} */
    SessionContext sessions();

    /**
     * Sets the response status.
     *
     * @param code the status code
     */
    void status(int code);

    /**
     * Adds a response header (several {@code Set-Cookie} headers may be added).
     *
     * @param name  the header name
     * @param value the header value
     */
    void addHeader(String name, String value);

    /**
     * Sets the response body, sent as text/plain UTF-8.
     *
     * @param text the body
     */
    void body(String text);
}
