package dev.cloakroom.testkit.jdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import dev.cloakroom.SessionExchange;

import java.util.List;

/** A JDK {@link HttpExchange} as core's {@link SessionExchange}: all an adapter has to translate. */
final class JdkExchange implements SessionExchange {

    private final HttpExchange exchange;

    JdkExchange(HttpExchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public String path() {
        return exchange.getRequestURI().getRawPath();
    }

    @Override
    public List<String> headers(String name) {
        List<String> values = exchange.getRequestHeaders().get(name);
        return values == null ? List.of() : values;
    }

    /** This server knows nothing of proxies: only TLS makes a request secure. */
    @Override
    public boolean isSecure() {
        return exchange instanceof HttpsExchange;
    }

    @Override
    public void addSetCookie(String headerValue) {
        exchange.getResponseHeaders().add("Set-Cookie", headerValue);
    }
}
