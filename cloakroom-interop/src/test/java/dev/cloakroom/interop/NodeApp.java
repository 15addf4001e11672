package dev.cloakroom.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code node app.js} as a child process, on a free loopback port. Its output goes to the test log
 * line by line (prefixed {@code [node]}) and is kept, so a test can check that Node logged no error.
 */
final class NodeApp implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("^listening on (\\d+)$");
    /** Node starts in well under a second; a busy shared machine gets plenty more. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final List<String> output;

    private NodeApp(Process process, int port, List<String> output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    /**
     * Starts the app with {@code env} (see app.js for the variables) and waits until it listens.
     */
    static NodeApp start(NodeEnvironment node, Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder(node.node().toString(), "app.js")
                .directory(node.appDir().toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("PORT", "0");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start node app.js", e);
        }
        List<String> output = new ArrayList<>();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(process, output, port), "node-output");
        pump.setDaemon(true);
        pump.start();
        try {
            return new NodeApp(process, port.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS), output);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("node app.js did not start listening; its output:\n"
                    + String.join("\n", snapshot(output)), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException(e);
        }
    }

    private static void pump(Process process, List<String> output, CompletableFuture<Integer> port) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                System.out.println("[node] " + line);
                synchronized (output) {
                    output.add(line);
                }
                Matcher m = LISTENING.matcher(line);
                if (m.matches()) {
                    port.complete(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            // the process ended; whatever it printed is kept
        }
        port.completeExceptionally(new IllegalStateException("node exited with " + exitCode(process)));
    }

    private static String exitCode(Process process) {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "(still running)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    private static List<String> snapshot(List<String> output) {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Everything the app printed so far, stdout and stderr together. */
    List<String> output() {
        return snapshot(output);
    }

    /** Lines in which the app reported an error (its error handler, or a store client's error event). */
    List<String> errors() {
        return output().stream().filter(l -> l.toLowerCase().contains("error")).toList();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
