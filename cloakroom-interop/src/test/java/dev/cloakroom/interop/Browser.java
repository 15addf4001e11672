package dev.cloakroom.interop;

import dev.cloakroom.testkit.SeenSessionIds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One browser visiting both apps: like a real one on a shared domain, it keeps one session cookie
 * and sends it to the Java and the Node app alike. It follows no redirects, so tests see every
 * {@code Set-Cookie}. The ids it sends and receives go to {@link SeenSessionIds}, for the log check,
 * which searches what the Node app and the Spring jar print too.
 */
final class Browser {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final String cookieName;
    /** {@code name=value} as the browser sends it, or null. */
    private String cookie;

    Browser(String cookieName) {
        this.cookieName = cookieName;
    }

    HttpResponse<String> get(String base, String path) {
        return send(request(base, path).GET());
    }

    HttpResponse<String> putJson(String base, String path, String json) {
        return send(request(base, path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** Posts an HTML form, its fields URL-encoded in the given order. */
    HttpResponse<String> postForm(String base, String path, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(base, path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /**
     * Logs in on the Cloakroom demo's form as a browser does: opens the login page, then sends the
     * form with the CSRF token the page carries (the demo refuses a login without it).
     */
    HttpResponse<String> login(String javaBase, String username, String password) {
        HttpResponse<String> page = get(javaBase, "/login");
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(page.body());
        if (!token.find()) {
            throw new AssertionError("the demo's login page (" + page.statusCode() + ") has no CSRF field");
        }
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        return send(request(javaBase, "/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** The session cookie as sent ({@code name=value}), or null. */
    String cookie() {
        return cookie;
    }

    /** Replaces the jar's cookie, e.g. to replay an old one. */
    void cookie(String nameValue) {
        this.cookie = nameValue;
    }

    /** The session id inside the current {@code name=s%3A<id>.<signature>} cookie. */
    String sessionId() {
        return unsigned(cookie).substring(0, unsigned(cookie).lastIndexOf('.'));
    }

    /** {@code <id>.<signature>}: the cookie value, URI-decoded, without the {@code s:} prefix. */
    static String unsigned(String nameValue) {
        String value = URLDecoder.decode(nameValue.substring(nameValue.indexOf('=') + 1), StandardCharsets.UTF_8);
        if (!value.startsWith("s:")) {
            throw new IllegalArgumentException("not a signed session cookie: " + nameValue);
        }
        return value.substring(2);
    }

    /** The session cookie's {@code Set-Cookie} header in {@code response}, if it sent one. */
    Optional<String> sessionSetCookie(HttpResponse<?> response) {
        List<String> headers = response.headers().allValues("Set-Cookie").stream()
                .filter(h -> h.startsWith(cookieName + "="))
                .toList();
        return headers.isEmpty() ? Optional.empty() : Optional.of(headers.get(headers.size() - 1));
    }

    private HttpRequest.Builder request(String base, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (cookie != null) {
            SeenSessionIds.recordCookieHeader(cookie);
            b.header("Cookie", cookie);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        SeenSessionIds.recordSetCookies(response.headers().allValues("Set-Cookie"));
        sessionSetCookie(response).ifPresent(h -> {
            String nameValue = h.substring(0, h.indexOf(';') < 0 ? h.length() : h.indexOf(';'));
            cookie = h.contains("Expires=Thu, 01 Jan 1970") || nameValue.endsWith("=") ? null : nameValue;
        });
        return response;
    }
}
