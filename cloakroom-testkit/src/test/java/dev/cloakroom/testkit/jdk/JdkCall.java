package dev.cloakroom.testkit.jdk;

import com.sun.net.httpserver.HttpExchange;
import dev.cloakroom.SessionContext;
import dev.cloakroom.testkit.TestCall;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** A {@link TestCall} over a JDK exchange; the status and body are sent by {@link JdkHttpServerHarness}. */
final class JdkCall implements TestCall {

    private final HttpExchange exchange;
    private final SessionContext sessions;
    int status = 200;
    String body = "";

    JdkCall(HttpExchange exchange, SessionContext sessions) {
        this.exchange = exchange;
        this.sessions = sessions;
    }

    @Override
    public String path() {
        return exchange.getRequestURI().getPath();
    }

    @Override
    public String query(String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Override
    public String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    @Override
    public SessionContext sessions() {
        return sessions;
    }

    @Override
    public void status(int code) {
        this.status = code;
    }

    @Override
    public void addHeader(String name, String value) {
        exchange.getResponseHeaders().add(name, value);
    }

    @Override
    public void body(String text) {
        this.body = text;
    }
}
