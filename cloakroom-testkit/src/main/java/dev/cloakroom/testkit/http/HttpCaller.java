package dev.cloakroom.testkit.http;

import dev.cloakroom.testkit.SeenSessionIds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A plain HTTP/1.1 client for lifecycle tests: it follows no redirects and keeps no cookies, so
 * every {@code Cookie} header a request carries is one the test put there. The session ids it
 * sends and receives are recorded in {@link SeenSessionIds}, for the log check.
 */
public final class HttpCaller {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient client;

    /**
     * A client for the server at {@code base}.
     *
     * @param base the server's address, without a trailing slash
     */
    public HttpCaller(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .build();
    }

    /** {@return the server's address} */
    public URI base() {
        return base;
    }

    /**
     * {@return a {@code GET} request, to add headers to and send}
     *
     * @param pathAndQuery such as {@code /set?k=a&v=1}
     */
    public Call get(String pathAndQuery) {
        return new Call("GET", pathAndQuery);
    }

    /**
     * {@return a {@code POST} request with an empty body, to add headers to and send}
     *
     * @param pathAndQuery such as {@code /login}
     */
    public Call post(String pathAndQuery) {
        return new Call("POST", pathAndQuery);
    }

    /** One request being put together; {@link #send()} sends it and waits for the whole response. */
    public final class Call {
        private final String method;
        private final String pathAndQuery;
        private final List<String[]> headers = new ArrayList<>();

        private Call(String method, String pathAndQuery) {
            this.method = method;
            this.pathAndQuery = pathAndQuery;
        }

        /**
         * Adds a {@code Cookie} header; call it twice to send two headers.
         *
         * @param cookieHeader the header value; {@code null} adds nothing
         * @return this request
         */
        public Call cookie(String cookieHeader) {
            return cookieHeader == null ? this : header("Cookie", cookieHeader);
        }

        /**
         * Sends back what a {@code Set-Cookie} set, as a browser would.
         *
         * @param setCookie the cookie a response set
         * @return this request
         */
        public Call cookie(SetCookie setCookie) {
            return cookie(setCookie.toCookieHeader());
        }

        /**
         * Adds {@code X-Forwarded-Proto}, as a TLS-terminating proxy would.
         *
         * @param proto such as {@code https}
         * @return this request
         */
        public Call forwardedProto(String proto) {
            return header("X-Forwarded-Proto", proto);
        }

        /**
         * Adds a request header.
         *
         * @param name  the header name
         * @param value the header value
         * @return this request
         */
        public Call header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        /**
         * {@return the response} Sends the request and waits up to 30 seconds.
         *
         * @throws UncheckedIOException  when the request fails
         * @throws IllegalStateException when the thread is interrupted while waiting
         */
        public HttpResult send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                    .timeout(TIMEOUT)
                    .method(method, method.equals("POST")
                            ? HttpRequest.BodyPublishers.ofString("", StandardCharsets.UTF_8)
                            : HttpRequest.BodyPublishers.noBody());
            for (String[] h : headers) {
                request.header(h[0], h[1]);
                if (h[0].equalsIgnoreCase("Cookie")) {
                    SeenSessionIds.recordCookieHeader(h[1]);
                }
            }
            HttpResponse<String> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + pathAndQuery + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during " + method + " " + pathAndQuery, e);
            }
            Map<String, List<String>> all = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> all.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            List<String> setCookies = response.headers().allValues("Set-Cookie");
            SeenSessionIds.recordSetCookies(setCookies);
            return new HttpResult(response.statusCode(), response.body(), setCookies, all);
        }
    }
}
