package dev.cloakroom.demo;

import dev.cloakroom.testkit.NoSessionIdInLogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tracker issue 11, finding 2: the memory store must be bounded in bytes, not only in count. The
 * demo runs in a child JVM with an 80 MB heap and the default store; the test fills sessions to the
 * largest the demo allows (64 preferences of 1 KiB, each byte a control character, which JSON
 * stores as a six-character escape: about 0.39 MB a session) until it has made about 90 MB of them.
 * The child must never throw {@code OutOfMemoryError} and must still answer afterwards.
 */
@ExtendWith(NoSessionIdInLogs.class)
class DemoMemoryTest {

    private static final int SESSIONS = 240;
    private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)/");

    @TempDir
    Path dir;
    private Process child;

    @AfterEach
    void stopChild() throws InterruptedException {
        if (child != null) {
            child.destroy();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Starts the demo on a free port in a JVM that exits on the first OutOfMemoryError, saying so. */
    private String startDemo(Path log, String... flags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx80m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-cp", System.getProperty("java.class.path"), DemoApp.class.getName(),
                "--port", "0", "--secret", "a test secret of at least thirty-two bytes"));
        command.addAll(Arrays.asList(flags));
        child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        child.getOutputStream().close();
        // Generous: the child starts a server on a machine other builds share.
        for (int i = 0; i < 600 && child.isAlive(); i++) {
            Matcher m = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                return "http://127.0.0.1:" + m.group(1);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the demo did not start:\n" + Files.readString(log, StandardCharsets.UTF_8));
    }

    /**
     * Fills one new session with the most it can hold: preferences of control characters (six bytes
     * each once escaped as JSON) until the preferences API or the session size limit (413) says no;
     * {@code false} once the child stops answering.
     */
    private static boolean fillASession(String base) {
        byte[] controlCharacters = new byte[PrefsApi.MAX_VALUE_BYTES];
        Arrays.fill(controlCharacters, (byte) 1);
        Browser browser = new Browser(base, "connect.sid");
        try {
            for (int p = 0; p < PrefsApi.MAX_PREFS; p++) {
                int status = browser.putBytes("/api/prefs/p" + p, controlCharacters).statusCode();
                if (status == 413) {
                    assertThat(p).as("preferences stored before the session size limit").isGreaterThan(0);
                    return true;
                }
                assertThat(status).as("PUT preference %d", p).isEqualTo(200);
            }
            return true;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    @Test
    void aFloodOfTheLargestSessionsNeverExhaustsAnEightyMegabyteHeap() throws Exception {
        Path log = dir.resolve("demo.log");
        String base = startDemo(log);

        int filled = 0;
        while (filled < SESSIONS && fillASession(base)) {
            filled++;
        }

        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(output).as("the child's output").doesNotContain("OutOfMemoryError");
        assertThat(filled).as("sessions filled before the child stopped answering").isEqualTo(SESSIONS);
        assertThat(new Browser(base, "connect.sid").get("/health").body()).isEqualTo("ok");
    }
}
