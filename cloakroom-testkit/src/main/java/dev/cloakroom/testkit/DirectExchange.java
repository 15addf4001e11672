package dev.cloakroom.testkit;

import dev.cloakroom.SessionExchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request without HTTP, for driving {@link dev.cloakroom.SessionManager} directly: a path, an
 * optional {@code Cookie} header, and the {@code Set-Cookie} values the session work added. The
 * ids in both are recorded in {@link SeenSessionIds}, for the log check.
 */
public final class DirectExchange implements SessionExchange {

    private final String path;
    private final String cookieHeader;
    private final List<String> setCookies = new ArrayList<>();
    private final Map<String, String> responseHeaders = new LinkedHashMap<>();

    /**
     * A request for {@code path}, over plain HTTP.
     *
     * @param path         the request path
     * @param cookieHeader the one {@code Cookie} header, or {@code null} for none
     */
    public DirectExchange(String path, String cookieHeader) {
        this.path = path;
        this.cookieHeader = cookieHeader;
        if (cookieHeader != null) {
            SeenSessionIds.recordCookieHeader(cookieHeader);
        }
    }

    /**
     * {@return a request for {@code /} carrying {@code cookieHeader}}
     *
     * @param cookieHeader the one {@code Cookie} header, or {@code null} for none
     */
    public static DirectExchange withCookie(String cookieHeader) {
        return new DirectExchange("/", cookieHeader);
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public List<String> headers(String name) {
        return name.equalsIgnoreCase("Cookie") && cookieHeader != null ? List.of(cookieHeader) : List.of();
    }

    /** Never: there is no connection, let alone TLS. */
    @Override
    public boolean isSecure() {
        return false;
    }

    @Override
    public boolean connectionIsSecure() {
        return false;
    }

    @Override
    public synchronized void addSetCookie(String headerValue) {
        SeenSessionIds.recordSetCookies(List.of(headerValue));
        setCookies.add(headerValue);
    }

    @Override
    public synchronized void setHeader(String name, String value) {
        responseHeaders.put(name, value);
    }

    @Override
    public synchronized String responseHeader(String name) {
        return responseHeaders.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** {@return the response headers set so far other than {@code Set-Cookie}, such as a header transport's token} */
    public synchronized Map<String, String> responseHeaders() {
        return Map.copyOf(responseHeaders);
    }

    /** {@return every {@code Set-Cookie} value added so far, in order} */
    public synchronized List<String> setCookies() {
        return List.copyOf(setCookies);
    }

    /** {@return the {@code name=value} part of the first {@code Set-Cookie}, ready to send back; null when none was set} */
    public synchronized String cookieToSendBack() {
        if (setCookies.isEmpty()) {
            return null;
        }
        String first = setCookies.get(0);
        int semicolon = first.indexOf(';');
        return semicolon < 0 ? first : first.substring(0, semicolon);
    }
}
