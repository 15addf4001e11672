package dev.cloakroom;

import java.util.List;

/**
 * The parts of an HTTP request that session handling looks at. Adapters implement it; options
 * such as {@link SessionOptions.Builder#genid} and {@link SessionOptions.Builder#cookiePerRequest}
 * receive it to decide per request.
 */
public interface SessionRequest {

    /** The request path as the client sent it, without the query string, e.g. {@code /app/cart}. */
    String path();

    /** Every value of a request header, in the order received; empty when absent. */
    List<String> headers(String name);

    /** The first value of a request header, or {@code null}. */
    default String header(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * Whether the framework considers the request secure: it arrived over TLS, or the framework
     * itself was configured to trust a proxy's forwarding headers.
     */
    boolean isSecure();
}
