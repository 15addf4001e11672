package dev.cloakroom.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The Cloakroom Spring Boot sample (the shop) as its users run it: {@code java -jar} on its
 * executable jar, in a child JVM, on 127.0.0.1 and a free port, with the interop suite's secret and
 * cookie name and its sessions in the given Redis. Spring Boot stays out of this JVM. The child's
 * output goes to the test log prefixed {@code [spring]} and is kept for the failure message.
 */
final class SpringSample implements AutoCloseable {

    /** Where the pom says the sample's jar is; {@link #DEFAULT_JAR} relative to this module otherwise. */
    static final String JAR_PROPERTY = "cloakroom.interop.springSampleJar";
    static final String DEFAULT_JAR = "../cloakroom-spring-sample/target/cloakroom-spring-sample.jar";

    /** The sample's users are alice and bob; the suite logs in as alice. */
    static final String USER = "alice";
    static final String PASSWORD = "alice-interop-pw";

    /** A Boot app with Tomcat, Security and Lettuce starts in seconds; a busy shared machine gets plenty more. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final HttpClient PROBE = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final Process process;
    private final int port;
    private final List<String> output;
    private final Thread killOnExit;

    private SpringSample(Process process, int port, List<String> output, Thread killOnExit) {
        this.process = process;
        this.port = port;
        this.output = output;
        this.killOnExit = killOnExit;
    }

    /** Starts the sample with {@code cloakroom.store=redis} on {@code redisUrl} and waits until it answers HTTP. */
    static SpringSample start(String redisUrl) {
        Path jar = jar();
        int port = TestRedis.freePort();
        List<String> command = List.of(java().toString(), "-jar", jar.toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--cloakroom.store=redis",
                "--spring.data.redis.url=" + redisUrl,
                "--cloakroom.secret=" + InteropStack.SECRET,
                "--cloakroom.name=" + InteropStack.COOKIE,
                "--cloakroom.cookie.max-age=" + InteropStack.MAX_AGE_MS + "ms",
                "--shop.remember-me-key=interop-remember-me-key",
                "--shop.users." + USER + "=" + PASSWORD,
                "--shop.users.bob=bob-interop-pw",
                "--spring.main.banner-mode=off");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(jar.getParent().toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
        }
        // If the test JVM ends without closing us (a crash, Ctrl-C), the sample must not outlive it.
        Thread killOnExit = new Thread(process::destroyForcibly, "spring-sample-kill");
        Runtime.getRuntime().addShutdownHook(killOnExit);
        List<String> output = new ArrayList<>();
        Thread pump = new Thread(() -> pump(process, output), "spring-sample-output");
        pump.setDaemon(true);
        pump.start();
        SpringSample sample = new SpringSample(process, port, output, killOnExit);
        try {
            sample.awaitAnswer();
            return sample;
        } catch (RuntimeException e) {
            sample.close();
            throw e;
        }
    }

    /** The jar {@code mvn package} of cloakroom-spring-sample makes; a missing one says how to build it. */
    static Path jar() {
        Path jar = Path.of(System.getProperty(JAR_PROPERTY, DEFAULT_JAR)).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The Spring interop tests run the Cloakroom Spring Boot sample's executable jar, "
                    + "and there is none at " + jar + ". Build it in the same reactor as this module, from the "
                    + "repository root: mvn -pl cloakroom-spring-sample,cloakroom-interop -am verify "
                    + "(or first: mvn -pl cloakroom-spring-sample -am package -DskipTests).");
        }
        return jar;
    }

    /** The {@code java} running these tests, so the sample gets the same JDK. */
    private static Path java() {
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
    }

    private void awaitAnswer() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).timeout(Duration.ofSeconds(5)).GET().build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Spring sample exited with " + process.exitValue()
                        + " before answering; its output:\n" + String.join("\n", output()));
            }
            try {
                if (PROBE.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the Spring sample", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the Spring sample did not answer GET " + baseUrl() + "/login within "
                        + START_TIMEOUT.toSeconds() + " s; its output:\n" + String.join("\n", output()));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the Spring sample", e);
            }
        }
    }

    private static void pump(Process process, List<String> output) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                System.out.println("[spring] " + line);
                synchronized (output) {
                    output.add(line);
                }
            }
        } catch (IOException e) {
            // the process ended; whatever it printed is kept
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Everything the sample printed so far, stdout and stderr together. */
    List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    /** Lines Spring logged at ERROR, or a stack trace's first line. */
    List<String> errors() {
        return output().stream().filter(l -> l.contains(" ERROR ") || l.startsWith("Exception in thread")).toList();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }
}
