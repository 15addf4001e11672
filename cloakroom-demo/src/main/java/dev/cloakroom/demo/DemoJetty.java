package dev.cloakroom.demo;

import io.javalin.config.JettyConfig;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;

import java.time.Duration;

/**
 * The demo's Jetty settings against clients that open a request and stall.
 *
 * <p>Javalin's handlers read a body with blocking reads, so a client that sends a request's
 * headers and never its body holds a request thread for as long as Jetty waits: by default 30 s,
 * and Javalin's pool has 250 threads. 250 such connections, one machine's worth, stopped even
 * {@code GET /health} from being answered. Here every body is read in full, without a thread,
 * before a handler runs ({@link WholeBodyHandler}); a request thread is taken only once the whole
 * body is in memory, and the body is bounded by {@code maxRequestSize}. A connection that
 * sends nothing for {@link #IDLE_TIMEOUT} is closed, so stalled ones also give their sockets back.
 *
 * <p>Jetty 12 has no deadline for a request's headers. Headers are parsed without a thread too, so
 * a client dribbling them a byte at a time (slowloris) costs a socket and a buffer, never a
 * request thread; each byte restarts the idle timeout, so such a connection can stay open. Bound
 * their number at the proxy or the firewall.
 */
final class DemoJetty {

    /** How long a connection may send nothing, whether mid-request or between requests (Jetty's default is 30 s). */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);

    private DemoJetty() {
    }

    /**
     * Applies the settings above.
     *
     * @param jetty          Javalin's Jetty settings
     * @param maxRequestSize the largest body accepted; Jetty answers a larger one with {@code 413}
     * @param idleTimeout    how long a connection may stay silent
     */
    static void harden(JettyConfig jetty, long maxRequestSize, Duration idleTimeout) {
        jetty.modifyServer(server -> {
            server.insertHandler(new WholeBodyHandler(maxRequestSize));
            // Javalin adds its connector after this consumer runs and before the server starts.
            server.addEventListener(new LifeCycle.Listener() {
                @Override
                public void lifeCycleStarting(LifeCycle event) {
                    for (Connector connector : server.getConnectors()) {
                        if (connector instanceof ServerConnector c) {
                            c.setIdleTimeout(idleTimeout.toMillis());
                        }
                    }
                }
            });
        });
    }
}
