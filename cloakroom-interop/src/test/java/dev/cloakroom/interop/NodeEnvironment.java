package dev.cloakroom.interop;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Node, npm and the Express app's packages, made ready once per test JVM. The suite must never
 * pass without having talked to a real Express app: a missing {@code node}, or an {@code npm}
 * that cannot install the packages, fails every interop test with a message that says how to skip
 * the suite on purpose ({@value #SKIP_PROPERTY} or {@value #SKIP_ENV}), and a skip is reported loudly.
 *
 * <p>{@code npm ci} runs only when {@code node_modules} was not installed from the current
 * {@code package-lock.json}: a stamp file in {@code node_modules} records the lock file's hash.
 */
final class NodeEnvironment {

    static final String SKIP_PROPERTY = "cloakroom.interop.skip";
    static final String SKIP_ENV = "CLOAKROOM_SKIP_INTEROP";
    static final List<String> PACKAGES = List.of(
            "express", "express-session", "connect-redis", "redis", "connect-pg-simple", "pg");

    static final String SKIP_BANNER = "SKIPPED: the Node interop suite (Cloakroom <-> express-session) did not run,"
            + " because " + SKIP_PROPERTY + " / " + SKIP_ENV + " is true. Session sharing with Express is NOT verified.";

    private static final String STAMP = ".cloakroom-lock-sha256";
    private static final String HOW_TO_SKIP = "To run the build without the Node interop suite, pass -D"
            + SKIP_PROPERTY + "=true to Maven or set " + SKIP_ENV + "=true.";
    /** A first install downloads about 100 small packages; a registry that is not answering fails fast. */
    private static final long INSTALL_TIMEOUT_SECONDS = 240;

    private static NodeEnvironment ready;
    private static String failure;

    private final Path node;
    private final Path appDir;

    private NodeEnvironment(Path node, Path appDir) {
        this.node = node;
        this.appDir = appDir;
    }

    /**
     * The ready environment; aborts the calling test (a skip) when the suite is switched off, and
     * fails it when node or the packages are missing. Installs at most once per JVM.
     */
    static synchronized NodeEnvironment require() {
        if (skipRequested()) {
            Assumptions.abort(SKIP_BANNER);
        }
        if (failure != null) {
            Assertions.fail(failure);
        }
        if (ready == null) {
            try {
                ready = prepare();
            } catch (IllegalStateException e) {
                failure = e.getMessage();
                Assertions.fail(failure);
            }
        }
        return ready;
    }

    /** The {@code node} executable. */
    Path node() {
        return node;
    }

    /** The folder holding {@code app.js}, {@code package.json} and {@code node_modules}. */
    Path appDir() {
        return appDir;
    }

    static boolean skipRequested() {
        return "true".equalsIgnoreCase(System.getProperty(SKIP_PROPERTY))
                || "true".equalsIgnoreCase(System.getenv(SKIP_ENV));
    }

    private static NodeEnvironment prepare() {
        Path appDir = Path.of(System.getProperty("cloakroom.interop.nodeDir", "node")).toAbsolutePath().normalize();
        Path node = onPath("node").orElseThrow(() -> new IllegalStateException(
                "The Node interop suite needs `node` (18 or newer) on PATH, and none was found (PATH="
                        + System.getenv("PATH") + "). Install Node.js with npm. " + HOW_TO_SKIP));
        Path npm = onPath("npm").orElseThrow(() -> new IllegalStateException(
                "The Node interop suite needs `npm` on PATH to install " + PACKAGES + ", and none was found. "
                        + HOW_TO_SKIP));
        installIfNeeded(npm, appDir);
        return new NodeEnvironment(node, appDir);
    }

    private static void installIfNeeded(Path npm, Path appDir) {
        Path lock = appDir.resolve("package-lock.json");
        Path stamp = appDir.resolve("node_modules").resolve(STAMP);
        String lockHash = sha256(lock);
        boolean complete = PACKAGES.stream().allMatch(p -> Files.isDirectory(appDir.resolve("node_modules").resolve(p)));
        if (complete && lockHash.equals(read(stamp))) {
            return;
        }
        System.out.println("[interop] npm ci in " + appDir + " (node_modules does not match package-lock.json)");
        Path log = appDir.resolve("npm-install.log");
        int exit;
        try {
            Process npmCi = new ProcessBuilder(npm.toString(), "ci", "--no-audit", "--no-fund", "--prefer-offline",
                    "--fetch-retries=1", "--fetch-retry-mintimeout=2000", "--fetch-retry-maxtimeout=10000",
                    "--fetch-timeout=30000")
                    .directory(appDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            npmCi.getOutputStream().close();
            if (!npmCi.waitFor(INSTALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                npmCi.destroyForcibly();
                throw new IllegalStateException("npm could not install the Node packages for the interop suite "
                        + PACKAGES + " within " + INSTALL_TIMEOUT_SECONDS + " s (is the npm registry reachable?)."
                        + " npm's output is in " + log + ". " + HOW_TO_SKIP);
            }
            exit = npmCi.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("npm could not be started (" + e.getMessage() + "). " + HOW_TO_SKIP, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while npm was installing packages", e);
        }
        if (exit != 0) {
            throw new IllegalStateException("npm could not install the Node packages for the interop suite "
                    + PACKAGES + " (npm ci exited " + exit + "; is the npm registry reachable?). " + HOW_TO_SKIP
                    + "\nLast lines of " + log + ":\n" + tail(log, 15));
        }
        try {
            Files.writeString(stamp, lockHash);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + stamp + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
        List<String> names = windows ? List.of(command + ".cmd", command + ".exe") : List.of(command);
        for (String dir : path.split(File.pathSeparator)) {
            for (String name : names) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static String sha256(Path file) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            return HexFormat.of().formatHex(digest);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file).trim() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
