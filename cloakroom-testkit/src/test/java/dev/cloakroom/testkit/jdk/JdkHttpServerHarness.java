package dev.cloakroom.testkit.jdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cloakroom.SessionContext;
import dev.cloakroom.SessionManager;
import dev.cloakroom.SessionOptions;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The smallest honest adapter: the JDK's built-in HTTP server with core's {@link SessionManager}.
 * It shows what every adapter must do: open a session context per request, run the handler,
 * {@link SessionContext#commit() commit} before the status line goes out, and answer 503 when
 * the store fails. Test-only; it proves the lifecycle suite against core alone.
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
        SessionManager sessions = new SessionManager(options);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // Several threads: a handler may call its own server (the reload test does).
        ExecutorService executor = Executors.newFixedThreadPool(8);
        server.setExecutor(executor);
        server.createContext("/", exchange -> serve(new JdkExchange(exchange, trustsForwarding), exchange, sessions, routes));
        server.start();
        return RunningServer.onLoopback(server.getAddress().getPort(), () -> {
            server.stop(0);
            executor.shutdownNow();
        });
    }

    private static void serve(JdkExchange adapted, HttpExchange exchange, SessionManager sessions, TestRoutes routes)
            throws IOException {
        try (exchange) {
            SessionContext context = sessions.open(adapted);
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
