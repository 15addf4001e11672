package dev.cloakroom;

import java.util.List;

/**
 * The parts of an HTTP request that session handling looks at. Adapters implement it; options
 * such as {@link SessionOptions.Builder#genid} and {@link SessionOptions.Builder#cookiePerRequest}
 * receive it to decide per request.
 */
public interface SessionRequest {

    /** {@return the request path as the client sent it, without the query string, such as {@code /app/cart}} */
    String path();

    /**
     * {@return every value of a request header, in the order received; empty when absent}
     *
     * @param name the header name, in any case
     */
    List<String> headers(String name);

    /**
     * {@return the first value of a request header, or {@code null}}
     *
     * @param name the header name, in any case
     */
    default String header(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * {@return whether the framework considers the request secure} It arrived over TLS, or the
     * framework itself was configured to trust a proxy's forwarding headers. With the proxy option
     * unset, this decides.
     */
    boolean isSecure();

    /**
     * {@return whether the connection the request arrived on is itself TLS} Whatever forwarding
     * headers say or the framework concluded from them, this counts under every proxy setting and is all that
     * counts with {@code proxy(false)}, as express-session's encrypted-socket check. An adapter
     * that can tell must override it; the default, {@link #isSecure()}, suits an adapter whose
     * framework never trusts forwarding headers.
     */
    default boolean connectionIsSecure() {
        return isSecure();
    }
}
