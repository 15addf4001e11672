package dev.cloakroom.lifecycle;

import dev.cloakroom.SessionExchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** An in-memory request/response pair: a path, request headers, a TLS flag, and the Set-Cookie headers written. */
final class TestExchange implements SessionExchange {

    private final String path;
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private boolean secure;
    final List<String> setCookies = new ArrayList<>();

    TestExchange(String path) {
        this.path = path;
    }

    static TestExchange to(String path) {
        return new TestExchange(path);
    }

    TestExchange header(String name, String value) {
        headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return this;
    }

    /** Adds a {@code Cookie} header, e.g. {@code connect.sid=s%3A...}; null adds nothing. */
    TestExchange cookie(String cookie) {
        return cookie == null ? this : header("Cookie", cookie);
    }

    TestExchange secure() {
        this.secure = true;
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
        return secure;
    }

    @Override
    public void addSetCookie(String headerValue) {
        setCookies.add(headerValue);
    }
}
