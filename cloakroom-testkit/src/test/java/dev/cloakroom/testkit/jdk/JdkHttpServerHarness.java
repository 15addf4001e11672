package dev.cloakroom.testkit.jdk;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cloakroom.SessionContext;
import dev.cloakroom.SessionManager;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.SessionGoneException;
import dev.cloakroom.SessionStoreException;
import dev.cloakroom.testkit.AdapterHarness;
import dev.cloakroom.testkit.RunningServer;
import dev.cloakroom.testkit.TestRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The smallest honest adapter: the JDK's built-in HTTP server with core's {@link SessionManager}.
 * It shows what every adapter must do: open a session context per request (in a {@link Filter}
 * that leaves a request alone when an earlier one already opened it, as express-session skips a
 * request that has {@code req.session}), run the handler, {@link SessionContext#commit() commit}
 * before the status line goes out, answer 503 when the store fails and 409 when another request
 * renewed or destroyed the session first. Test-only; it proves the
 * lifecycle suite against core alone.
 */
public final class JdkHttpServerHarness implements AdapterHarness {

    private static final Logger LOG = LoggerFactory.getLogger(JdkHttpServerHarness.class);

    private final boolean trustsForwarding;

    /** A server that, like the JDK's, knows nothing of proxies. */
    public JdkHttpServerHarness() {
        this(false);
    }

    /** {@code trustsForwarding}: the exchange plays a framework told to trust forwarding headers. */
    public JdkHttpServerHarness(boolean trustsForwarding) {
        this.trustsForwarding = trustsForwarding;
    }

    @Override
    public RunningServer start(SessionOptions options, TestRoutes routes) throws IOException {
        return serve("/", List.of(options), routes);
    }

    /** The application as the server's {@code HttpContext} for {@code mountPath}. */
    @Override
    public RunningServer startMountedAt(String mountPath, SessionOptions options, TestRoutes routes) throws IOException {
        return serve(mountPath, List.of(options), routes);
    }

    /** Two session filters on the one context, each with its own manager. */
    @Override
    public RunningServer startRegisteredTwice(SessionOptions first, SessionOptions second, TestRoutes routes)
            throws IOException {
        return serve("/", List.of(first, second), routes);
    }

    private RunningServer serve(String path, List<SessionOptions> sessionLayers, TestRoutes routes) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // Several threads: a handler may call its own server (the reload test does).
        ExecutorService executor = Executors.newFixedThreadPool(8);
        server.setExecutor(executor);
        // Not HttpExchange attributes: the JDK keeps those per HttpContext, shared by all requests.
        Map<HttpExchange, SessionContext> open = new ConcurrentHashMap<>();
        HttpContext context = server.createContext(path, exchange -> respond(exchange, open.get(exchange), routes));
        for (SessionOptions options : sessionLayers) {
            context.getFilters().add(new SessionFilter(new SessionManager(options), open, trustsForwarding));
        }
        server.start();
        return RunningServer.onLoopback(server.getAddress().getPort(), () -> {
            server.stop(0);
            executor.shutdownNow();
        });
    }

    /** Opens the request's session context, unless a filter ahead of it already did. */
    private static final class SessionFilter extends Filter {
        private final SessionManager sessions;
        private final Map<HttpExchange, SessionContext> open;

        private final boolean trustsForwarding;

        SessionFilter(SessionManager sessions, Map<HttpExchange, SessionContext> open, boolean trustsForwarding) {
            this.sessions = sessions;
            this.open = open;
            this.trustsForwarding = trustsForwarding;
        }

        @Override
        public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
            if (open.containsKey(exchange)) {
                chain.doFilter(exchange);
                return;
            }
            open.put(exchange, sessions.open(new JdkExchange(exchange, trustsForwarding)));
            try {
                chain.doFilter(exchange);
            } finally {
                open.remove(exchange);
            }
        }

        @Override
        public String description() {
            return "Cloakroom sessions";
        }
    }

    private static void respond(HttpExchange exchange, SessionContext context, TestRoutes routes) throws IOException {
        try (exchange) {
            JdkCall call = new JdkCall(exchange, context);
            int status;
            String body;
            try {
                routes.handlerFor(call.path()).handle(call);
                context.commit();
                status = call.status;
                body = call.body;
            } catch (SessionStoreException e) {
                // The message names no session; the response must not either, and carries no cookie.
                LOG.warn("session store unavailable: {}", e.getMessage());
                exchange.getResponseHeaders().clear();
                status = 503;
                body = "session store unavailable";
            } catch (SessionGoneException e) {
                // Another request renewed or destroyed the session first; as the adapters answer it.
                exchange.getResponseHeaders().clear();
                status = 409;
                body = "session changed by another request";
            } catch (Exception e) {
                LOG.warn("handler failed: {}", e.getClass().getSimpleName());
                exchange.getResponseHeaders().clear();
                status = 500;
                body = "internal error";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }
}
