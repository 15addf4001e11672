package dev.cloakroom.sample;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A minimal browser for tests: follows no redirects, keeps cookies by name by hand, and fails the
 * test as soon as any response sets a {@code JSESSIONID} cookie (the container's own session,
 * which Cloakroom replaces). Its base URL can be changed to talk to another instance. The session
 * ids it sends and receives go to {@link SeenSessionIds}, for the log check.
 */
final class Browser {

    static final String SESSION_COOKIE = "connect.sid";
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    Browser(String base) {
        this.base = base;
    }

    /** Talks to another instance from now on, with the same cookies. */
    Browser at(String base) {
        this.base = base;
        return this;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    HttpResponse<String> postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts {@code form} with the CSRF token from the page at {@code formPage}. */
    HttpResponse<String> submit(String formPage, String action, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.put("_csrf", csrfToken(get(formPage).body()));
        return postForm(action, fields);
    }

    /** Spring Security's login page, then its form. */
    HttpResponse<String> login(String username, String password, boolean rememberMe) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("username", username, "password", password));
        if (rememberMe) {
            form.put("remember-me", "on");
        }
        return submit("/login", "/login", form);
    }

    HttpResponse<String> logout() {
        return submit("/logout", "/logout", Map.of());
    }

    /** The value of cookie {@code name}, or null. */
    String cookie(String name) {
        return cookies.get(name);
    }

    /** Sets (or with null removes) a cookie, e.g. to replay an old one. */
    void cookie(String name, String value) {
        if (value == null) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    /** The session id inside a {@code s%3A<id>.<signature>} cookie value. */
    static String sessionId(String cookieValue) {
        String value = URLDecoder.decode(cookieValue, StandardCharsets.UTF_8);
        return value.substring(2, value.lastIndexOf('.'));
    }

    static String csrfToken(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no _csrf field in the page:\n" + html);
        }
        return m.group(1);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html");
        if (!cookies.isEmpty()) {
            String header = cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "));
            SeenSessionIds.recordCookieHeader(header);
            b.header("Cookie", header);
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
        List<String> setCookies = response.headers().allValues("Set-Cookie");
        SeenSessionIds.recordSetCookies(setCookies);
        for (String header : setCookies) {
            if (header.startsWith("JSESSIONID=")) {
                throw new AssertionError(response.request().method() + " " + response.uri()
                        + " set the container's session cookie: " + header);
            }
            String nameValue = header.split(";", 2)[0];
            int eq = nameValue.indexOf('=');
            String name = nameValue.substring(0, eq);
            String value = nameValue.substring(eq + 1);
            String lower = header.toLowerCase(Locale.ROOT);
            boolean deleted = value.isEmpty() || lower.contains("max-age=0") || lower.contains("expires=thu, 01 jan 1970");
            cookie(name, deleted ? null : value);
        }
        return response;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
