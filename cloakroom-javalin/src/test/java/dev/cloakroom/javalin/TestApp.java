package dev.cloakroom.javalin;

import dev.cloakroom.testkit.SeenSessionIds;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Consumer;

/**
 * A Javalin app on a free loopback port, and a plain HTTP client that never follows redirects or keeps
 * cookies. The session ids in the cookies it sends and receives go to {@link SeenSessionIds}.
 */
final class TestApp implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final Javalin app;

    private TestApp(Javalin app) {
        this.app = app;
    }

    static TestApp start(Consumer<JavalinConfig> config) {
        return new TestApp(Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            config.accept(cfg);
        }).start("127.0.0.1", 0));
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("Cookie")) {
                SeenSessionIds.recordCookieHeader(headers[i + 1]);
            }
        }
        HttpResponse<String> response = CLIENT.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        SeenSessionIds.recordSetCookies(response.headers().allValues("Set-Cookie"));
        return response;
    }

    /** The {@code name=value} part of each {@code Set-Cookie} header, in order. */
    static List<String> cookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(v -> v.split(";", 2)[0]).toList();
    }

    /** The {@code connect.sid=...} pair to send back, or fails when the response set none. */
    static String sessionCookie(HttpResponse<?> response) {
        return cookies(response).stream().filter(c -> c.startsWith("connect.sid=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
    }

    /** The session id inside a {@code connect.sid=s%3A<id>.<signature>} pair. */
    static String sessionId(String cookiePair) {
        String value = cookiePair.substring("connect.sid=".length()).replace("%3A", ":");
        return value.substring(2, value.lastIndexOf('.'));
    }

    @Override
    public void close() {
        app.stop();
    }
}
