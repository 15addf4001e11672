package com.example;

import dev.cloakroom.testkit.SeenSessionIds;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * One visitor: keeps its cookies, never follows redirects by itself so that tests see each one. The
 * session ids it holds and receives go to {@link SeenSessionIds}, for the log check.
 */
public final class Browser {

    public static final String COOKIE = "connect.sid";

    private final URI base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;

    public Browser(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(base.resolve(path));
    }

    public HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    /** A form POST; {@code fields} alternate name and value. */
    public HttpResponse<String> postForm(String path, String... fields) throws IOException, InterruptedException {
        StringJoiner form = new StringJoiner("&");
        for (int i = 0; i < fields.length; i += 2) {
            form.add(URLEncoder.encode(fields[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    /** The session cookie's value as the browser holds it, if it holds one. */
    public Optional<String> sessionCookie() {
        return cookies.getCookieStore().get(base).stream()
                .filter(c -> c.getName().equals(COOKIE) && !c.hasExpired() && !c.getValue().isEmpty())
                .map(HttpCookie::getValue)
                .findFirst();
    }

    public void setSessionCookie(String value) {
        HttpCookie cookie = new HttpCookie(COOKIE, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(base, cookie);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        cookies.getCookieStore().getCookies().forEach(c -> SeenSessionIds.recordCookieValue(c.getValue()));
        HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        SeenSessionIds.recordSetCookies(response.headers().allValues("Set-Cookie"));
        return response;
    }
}
