package dev.cloakroom.lifecycle;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Core's copy of the testkit's log check: fails a test class whose console output names a raw
 * session id that {@link TestExchange} or {@link CountingStore} met. Core cannot use
 * {@code dev.cloakroom.testkit.NoSessionIdInLogs}, since the testkit depends on core, nor have it
 * found by JUnit's extension autodetection, since these tests run patched into the named module
 * {@code dev.cloakroom.core} and {@code ServiceLoader} ignores {@code META-INF/services} entries
 * of named modules. So every core test class carries {@code @ExtendWith(NoSessionIdInLogs.class)},
 * and {@code EveryTestClassIsSearchedForSessionIdsTest} fails for a class without it. It logs a
 * canary at the start and fails unless the capture saw it; tests run one at a time.
 */
public final class NoSessionIdInLogs implements BeforeAllCallback, AfterAllCallback {

    /** Shorter ids (a custom {@code genid}'s {@code apple}) cannot be told from words in a log line. */
    private static final int MIN_LENGTH = 8;
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NoSessionIdInLogs.class);

    /** Created by JUnit for {@code @ExtendWith}. */
    public NoSessionIdInLogs() {
    }

    /** Records an id the tests met, to be searched for; null and short ones are ignored. */
    static void record(String id) {
        if (id != null && id.length() >= MIN_LENGTH) {
            SEEN.add(id);
        }
    }

    /**
     * Records the id of every signed value ({@code s%3A<id>.<sig>}) in a {@code Cookie} header or a
     * {@code Set-Cookie} value; unsigned and undecodable values are never taken as ids.
     */
    static void recordCookie(String header) {
        for (String pair : header.split(";")) {
            String value = pair.substring(pair.indexOf('=') + 1).trim();
            String decoded;
            try {
                decoded = URLDecoder.decode(value, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                continue;
            }
            int dot = decoded.lastIndexOf('.');
            if (decoded.startsWith("s:") && dot > 2) {
                record(decoded.substring(2, dot));
            }
        }
    }

    private record Watch(Capture capture, String canary) {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (context.getParent().flatMap(ExtensionContext::getTestClass).isPresent()) {
            return;
        }
        Capture capture = new Capture();
        String canary = "log capture canary " + UUID.randomUUID();
        LoggerFactory.getLogger(NoSessionIdInLogs.class).warn("{}: this class's log is searched for session ids", canary);
        context.getStore(NAMESPACE).put(Watch.class, new Watch(capture, canary));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Watch watch = context.getStore(NAMESPACE).remove(Watch.class, Watch.class);
        if (watch == null) {
            return;
        }
        boolean intact = watch.capture().stillInstalled();
        watch.capture().close();
        String log = watch.capture().text();
        if (!log.contains(watch.canary())) {
            throw new AssertionError("the log check saw no SLF4J output on the console, so it could not search the log");
        }
        if (!intact) {
            throw new AssertionError("something replaced System.out or System.err and did not put them back");
        }
        List<String> leaks = new ArrayList<>();
        for (String id : Set.copyOf(SEEN)) {
            if (log.contains(id)) {
                log.lines().filter(line -> line.contains(id)).forEach(line -> leaks.add("session " + id + " in: " + line));
            }
        }
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " log line(s) name a raw session id:\n" + String.join("\n", leaks));
        }
    }

    /** Copies {@code System.out} and {@code System.err} while passing them through. */
    private static final class Capture implements AutoCloseable {
        private final PrintStream originalOut = System.out;
        private final PrintStream originalErr = System.err;
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
        private final PrintStream out = tee(originalOut);
        private final PrintStream err = tee(originalErr);

        Capture() {
            System.setOut(out);
            System.setErr(err);
        }

        private PrintStream tee(PrintStream original) {
            return new PrintStream(new OutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    synchronized (copy) {
                        copy.write(b, off, len);
                    }
                    original.write(b, off, len);
                }
            }, true, StandardCharsets.UTF_8);
        }

        boolean stillInstalled() {
            return System.out == out && System.err == err;
        }

        String text() {
            synchronized (copy) {
                return copy.toString(StandardCharsets.UTF_8);
            }
        }

        @Override
        public void close() {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
