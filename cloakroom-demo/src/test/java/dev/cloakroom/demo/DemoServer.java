package dev.cloakroom.demo;

import io.javalin.Javalin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The demo, started for a test on 127.0.0.1 and a free port, from command-line flags. */
final class DemoServer implements AutoCloseable {

    /** Enough to exercise PBKDF2; the production count would make every login cost a fifth of a second. */
    static final int TEST_ITERATIONS = 1_000;

    private final Javalin app;

    private DemoServer(Javalin app) {
        this.app = app;
    }

    /** Starts the demo with {@code flags} plus {@code --port 0}, ignoring the real environment. */
    static DemoServer start(String... flags) {
        return start(Clock.systemUTC(), flags);
    }

    /** Starts the demo as {@link #start(String...)} does, its login throttle counting time by {@code clock}. */
    static DemoServer start(Clock clock, String... flags) {
        List<String> args = new ArrayList<>(List.of(flags));
        args.add("--port");
        args.add("0");
        try {
            DemoConfig config = DemoArgs.parse(args.toArray(String[]::new), Map.of())
                    .withPasswordIterations(TEST_ITERATIONS);
            return new DemoServer(DemoApp.create(config, clock).start("127.0.0.1", config.port()));
        } catch (UsageException e) {
            throw new IllegalArgumentException("test flags rejected: " + e.getMessage(), e);
        }
    }

    /** A browser with an empty cookie jar, talking to this server. */
    Browser browser() {
        return browser("connect.sid");
    }

    /** A browser that keeps the session cookie called {@code cookieName}. */
    Browser browser(String cookieName) {
        return new Browser("http://127.0.0.1:" + app.port(), cookieName);
    }

    /** The port the demo listens on, on 127.0.0.1, for tests that speak raw HTTP over a socket. */
    int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
