package dev.cloakroom.testkit.jdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import dev.cloakroom.SessionExchange;

import java.util.List;
import java.util.Locale;

/** A JDK {@link HttpExchange} as core's {@link SessionExchange}: all an adapter has to translate. */
final class JdkExchange implements SessionExchange {

    private final HttpExchange exchange;
    private final boolean trustsForwarding;

    /**
     * {@code trustsForwarding} plays a framework told to trust a proxy, as Jetty's
     * {@code ForwardedRequestCustomizer} is: the leftmost {@code X-Forwarded-Proto} value or a
     * {@code Forwarded} header's {@code proto} then makes {@link #isSecure()} true.
     */
    JdkExchange(HttpExchange exchange, boolean trustsForwarding) {
        this.exchange = exchange;
        this.trustsForwarding = trustsForwarding;
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

    @Override
    public boolean isSecure() {
        return connectionIsSecure() || trustsForwarding && forwardedAsHttps();
    }

    @Override
    public boolean connectionIsSecure() {
        return exchange instanceof HttpsExchange;
    }

    private boolean forwardedAsHttps() {
        String proto = header("X-Forwarded-Proto");
        String forwarded = header("Forwarded");
        return proto != null && proto.split(",")[0].trim().equalsIgnoreCase("https")
                || forwarded != null && forwarded.toLowerCase(Locale.ROOT).contains("proto=https");
    }

    @Override
    public void addSetCookie(String headerValue) {
        exchange.getResponseHeaders().add("Set-Cookie", headerValue);
    }

    @Override
    public void setHeader(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
    }

    @Override
    public String responseHeader(String name) {
        List<String> values = exchange.getResponseHeaders().get(name);
        return values == null || values.isEmpty() ? null : String.join(", ", values);
    }
}
