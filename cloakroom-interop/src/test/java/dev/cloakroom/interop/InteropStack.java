package dev.cloakroom.interop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Cloakroom demo and the Express app started against one store with one cookie name, each
 * with its own secrets and rolling setting. Both come up before any test runs and go down after.
 */
final class InteropStack implements AutoCloseable {

    static final String COOKIE = "interop.sid";
    static final String SECRET = "a shared secret for the interop suite";
    /** Ten minutes: long enough that no test waits on an expiry, short enough to tell apart from a day. */
    static final long MAX_AGE_MS = 600_000;

    /** How one stack is configured; {@link #shared()} is the plain case of the issue. */
    record Settings(List<String> javaSecrets, List<String> nodeSecrets, boolean rolling) {
        static Settings shared() {
            return new Settings(List.of(SECRET), List.of(SECRET), false);
        }

        Settings rolling(boolean on) {
            return new Settings(javaSecrets, nodeSecrets, on);
        }
    }

    private final JavaDemo java;
    private final NodeApp node;

    private InteropStack(JavaDemo java, NodeApp node) {
        this.java = java;
        this.node = node;
    }

    /**
     * Starts both apps: Java with {@code --store javaStore}, Node with {@code SESSION_STORE=nodeStore}
     * (the same store, in the URL form each side's client wants).
     */
    static InteropStack start(NodeEnvironment env, String javaStore, String nodeStore, Settings settings) {
        List<String> flags = new ArrayList<>(List.of("--name", COOKIE, "--max-age", String.valueOf(MAX_AGE_MS),
                "--store", javaStore));
        settings.javaSecrets().forEach(s -> flags.addAll(List.of("--secret", s)));
        if (settings.rolling()) {
            flags.add("--rolling");
        }
        JavaDemo java = JavaDemo.start(flags.toArray(String[]::new));
        try {
            NodeApp node = NodeApp.start(env, Map.of(
                    "SESSION_SECRETS", jsonArray(settings.nodeSecrets()),
                    "SESSION_NAME", COOKIE,
                    "SESSION_STORE", nodeStore,
                    "SESSION_MAX_AGE", String.valueOf(MAX_AGE_MS),
                    "SESSION_ROLLING", String.valueOf(settings.rolling())));
            return new InteropStack(java, node);
        } catch (RuntimeException e) {
            java.close();
            throw e;
        }
    }

    private static String jsonArray(List<String> values) {
        return values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "[", "]"));
    }

    String java() {
        return java.baseUrl();
    }

    String node() {
        return node.baseUrl();
    }

    NodeApp nodeApp() {
        return node;
    }

    Browser browser() {
        return new Browser(COOKIE);
    }

    @Override
    public void close() {
        try {
            node.close();
        } finally {
            java.close();
        }
    }
}
