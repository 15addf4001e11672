package dev.cloakroom.testkit;

import dev.cloakroom.SessionContext;

/** One request as a {@link TestHandler} sees it, whatever the adapter. */
public interface TestCall {

    /** The request path, without the query string. */
    String path();

    /** A query parameter, or {@code null}. */
    String query(String name);

    /** A request header, or {@code null}. */
    String header(String name);

    /** The adapter's session handling for this request. */
    SessionContext sessions();

    void status(int code);

    /** Adds a response header (several {@code Set-Cookie} headers may be added). */
    void addHeader(String name, String value);

    /** Sets the response body, sent as text/plain UTF-8. */
    void body(String text);
}
