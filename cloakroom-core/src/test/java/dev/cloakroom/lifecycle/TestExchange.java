package dev.cloakroom.lifecycle;

import dev.cloakroom.SessionExchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An in-memory request/response pair: a path, request headers, whether the connection is TLS and
 * whether the framework calls the request secure, and the Set-Cookie headers written. The ids in
 * its cookies are recorded for {@link NoSessionIdInLogs}.
 */
final class TestExchange implements SessionExchange {

    private final String path;
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private boolean tls;
    private boolean frameworkSecure;
    final List<String> setCookies = new ArrayList<>();
    final Map<String, String> responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    TestExchange(String path) {
        this.path = path;
    }

    static TestExchange to(String path) {
        return new TestExchange(path);
    }

    TestExchange header(String name, String value) {
        if (name.equalsIgnoreCase("Cookie")) {
            NoSessionIdInLogs.recordCookie(value);
        }
        headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return this;
    }

    /** Adds a {@code Cookie} header, e.g. {@code connect.sid=s%3A...}; null adds nothing. */
    TestExchange cookie(String cookie) {
        return cookie == null ? this : header("Cookie", cookie);
    }

    /** Arrived over TLS, so the framework calls it secure too. */
    TestExchange secure() {
        this.tls = true;
        this.frameworkSecure = true;
        return this;
    }

    /** Plain connection that the framework calls secure, as one trusting a proxy's forwarding headers does. */
    TestExchange secureByForwarding() {
        this.frameworkSecure = true;
        return this;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public List<String> headers(String name) {
        return List.copyOf(headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
    }

    @Override
    public boolean isSecure() {
        return frameworkSecure;
    }

    @Override
    public boolean connectionIsSecure() {
        return tls;
    }

    @Override
    public void addSetCookie(String headerValue) {
        NoSessionIdInLogs.recordCookie(headerValue);
        setCookies.add(headerValue);
    }

    @Override
    public void setHeader(String name, String value) {
        responseHeaders.put(name, value);
    }

    @Override
    public String responseHeader(String name) {
        return responseHeaders.get(name);
    }
}
