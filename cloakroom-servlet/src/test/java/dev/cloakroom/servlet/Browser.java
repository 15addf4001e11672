package dev.cloakroom.servlet;

import dev.cloakroom.testkit.SeenSessionIds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A client that keeps one cookie, the session cookie, as a browser would, and follows no redirects.
 * The ids it sends and receives go to {@link SeenSessionIds}, for the log check.
 */
final class Browser {

    static final String NAME = "connect.sid";

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(30))
            .build();
    /** The cookie value as the server sent it (URL-encoded), or null. */
    String cookie;

    Browser(URI base) {
        this.base = base;
    }

    Reply get(String path) {
        HttpResponse<String> response = send(path, HttpResponse.BodyHandlers.ofString());
        return remember(new Reply(response.statusCode(), response.body(), response.headers().allValues("Set-Cookie"),
                response.headers().firstValue("Content-Type").orElse(null)));
    }

    /** Returns as soon as the status line and headers have arrived; the body is left unread. */
    HttpResponse<InputStream> headersOf(String path) {
        return send(path, HttpResponse.BodyHandlers.ofInputStream());
    }

    private <T> HttpResponse<T> send(String path, HttpResponse.BodyHandler<T> handler) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (cookie != null) {
            request.header("Cookie", NAME + "=" + cookie);
            SeenSessionIds.recordCookieValue(cookie);
        }
        try {
            HttpResponse<T> response = client.send(request.build(), handler);
            SeenSessionIds.recordSetCookies(response.headers().allValues("Set-Cookie"));
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply remember(Reply reply) {
        reply.sessionCookie().ifPresent(c -> cookie = c);
        return reply;
    }

    /** The session id inside the cookie the browser holds. */
    String sessionId() {
        return idOf(cookie);
    }

    static String idOf(String cookieValue) {
        String signed = URLDecoder.decode(cookieValue.replace("+", "%2B"), StandardCharsets.UTF_8);
        return signed.substring(2, signed.lastIndexOf('.'));
    }

    record Reply(int status, String body, List<String> setCookies, String contentType) {

        /** The value of the session cookie this response set, if any. */
        Optional<String> sessionCookie() {
            return setCookies.stream()
                    .filter(h -> h.startsWith(NAME + "="))
                    .map(h -> h.substring(NAME.length() + 1, h.indexOf(';') < 0 ? h.length() : h.indexOf(';')))
                    .findFirst();
        }

        Optional<String> sessionCookieHeader() {
            return setCookies.stream().filter(h -> h.startsWith(NAME + "=")).findFirst();
        }
    }
}
