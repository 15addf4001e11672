package dev.cloakroom.interop;

import dev.cloakroom.demo.DemoApp;
import dev.cloakroom.demo.DemoArgs;
import dev.cloakroom.demo.DemoConfig;
import dev.cloakroom.demo.UsageException;
import io.javalin.Javalin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Cloakroom demo, in this JVM on 127.0.0.1 and a free port, configured by its own command-line flags. */
final class JavaDemo implements AutoCloseable {

    /** PBKDF2 iterations for the demo's password hashes: enough to run the real code, cheap enough for tests. */
    private static final int TEST_ITERATIONS = 1_000;

    private final Javalin app;

    private JavaDemo(Javalin app) {
        this.app = app;
    }

    static JavaDemo start(String... flags) {
        List<String> args = new ArrayList<>(List.of(flags));
        args.addAll(List.of("--port", "0"));
        try {
            DemoConfig config = DemoArgs.parse(args.toArray(String[]::new), Map.of())
                    .withPasswordIterations(TEST_ITERATIONS);
            return new JavaDemo(DemoApp.start(config, "127.0.0.1"));
        } catch (UsageException e) {
            throw new IllegalArgumentException("demo flags rejected: " + e.getMessage(), e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
