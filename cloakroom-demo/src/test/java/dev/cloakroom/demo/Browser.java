package dev.cloakroom.demo;

import dev.cloakroom.testkit.NoSessionIdInLogs;
import dev.cloakroom.testkit.SeenSessionIds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal browser for tests: follows no redirects and keeps the one session cookie by hand,
 * so each test sees exactly which {@code Set-Cookie} headers the server sent. The session ids it
 * sends and receives go to {@link SeenSessionIds}, for the log check.
 */
final class Browser {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final String cookieName;
    /** {@code name=value} as the browser would send it, or null. */
    private String cookie;
    /** The User-Agent header to send, or null for the HTTP client's own. */
    private String userAgent;

    /** Fails outside a test class checked by {@link NoSessionIdInLogs}: every demo test that talks HTTP is. */
    Browser(String base, String cookieName) {
        NoSessionIdInLogs.requireWatching();
        this.base = base;
        this.cookieName = cookieName;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    HttpResponse<String> put(String path, String body) {
        return send(request(path).header("Content-Type", "text/plain; charset=utf-8")
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    HttpResponse<String> putBytes(String path, byte[] body) {
        return send(request(path).header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    /** Logs in as a person would: opens the login page, then sends its form with the page's token. */
    HttpResponse<String> login(String username, String password) {
        return submit("/login", "/login", "username=" + encode(username) + "&password=" + encode(password));
    }

    /**
     * Opens {@code page}, then posts {@code form} to {@code action} with the token {@code page}'s
     * forms carry, as a browser submitting one of them does.
     */
    HttpResponse<String> submit(String page, String action, String form) {
        String token = csrfToken(page);
        return postForm(action, (form.isEmpty() ? "" : form + "&") + "_csrf=" + encode(token));
    }

    /** The CSRF token in the hidden field of {@code page}'s forms; fails when the page has none. */
    String csrfToken(String page) {
        HttpResponse<String> response = get(page);
        Matcher token = CSRF_FIELD.matcher(response.body());
        if (!token.find()) {
            throw new AssertionError("GET " + page + " (" + response.statusCode() + ") has no CSRF field");
        }
        return token.group(1);
    }

    /** {@code headers} (name, value, name, value...) on a {@code method} request with no body. */
    HttpResponse<String> send(String method, String path, String... headers) {
        HttpRequest.Builder b = request(path).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    /** A form POST with extra {@code headers} (name, value, name, value...), as a page on another site might send. */
    HttpResponse<String> postForm(String path, String form, String... headers) {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    /** Sends {@code header} as the User-Agent from now on, as a given browser would. */
    Browser userAgent(String header) {
        this.userAgent = header;
        return this;
    }

    /** The session cookie as sent ({@code name=value}), or null. */
    String cookie() {
        return cookie;
    }

    /** Replaces the jar's cookie, e.g. to replay an old one. */
    void cookie(String nameValue) {
        this.cookie = nameValue;
    }

    /** The {@code Set-Cookie} headers for the session cookie in {@code response}. */
    List<String> sessionCookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(h -> h.startsWith(cookieName + "="))
                .toList();
    }

    /** The session id inside a {@code name=s%3A<id>.<signature>} cookie. */
    static String sessionId(String nameValue) {
        String value = URLDecoder.decode(nameValue.substring(nameValue.indexOf('=') + 1), StandardCharsets.UTF_8);
        return value.substring(2, value.lastIndexOf('.'));
    }

    static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (userAgent != null) {
            b.header("User-Agent", userAgent);
        }
        if (cookie != null) {
            b.header("Cookie", cookie);
            SeenSessionIds.recordCookieHeader(cookie);
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
        Optional<String> last = sessionCookies(response).stream().reduce((a, b) -> b);
        last.ifPresent(h -> {
            String nameValue = h.substring(0, h.indexOf(';') < 0 ? h.length() : h.indexOf(';'));
            cookie = h.contains("Expires=Thu, 01 Jan 1970") || nameValue.endsWith("=") ? null : nameValue;
        });
        return response;
    }
}
