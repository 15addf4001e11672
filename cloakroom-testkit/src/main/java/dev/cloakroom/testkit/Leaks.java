package dev.cloakroom.testkit;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks for the promise that a session id never leaks: not through an exception (its message,
 * any cause, any suppressed exception, as a container would log it), not through a log line.
 * The fingerprint is computed here, independently of Cloakroom's own code, so a test does not
 * trust the code it checks.
 */
public final class Leaks {

    private static final String CLOAKROOM_WARN = "WARN dev.cloakroom - ";

    private Leaks() {
    }

    /**
     * Everything {@code failure} can show: its stack trace as a container prints it (causes and
     * suppressed exceptions included), plus every message in that graph read directly, in case a
     * {@code toString} hides one.
     *
     * @param failure the exception
     * @return the text, to search for what must not be there
     */
    public static String text(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        collectMessages(failure, seen, out);
        return out.toString();
    }

    private static void collectMessages(Throwable t, Set<Throwable> seen, StringWriter out) {
        if (t == null || !seen.add(t)) {
            return;
        }
        out.append('\n').append(String.valueOf(t.getMessage())).append('\n').append(String.valueOf(t.getLocalizedMessage()));
        collectMessages(t.getCause(), seen, out);
        for (Throwable s : t.getSuppressed()) {
            collectMessages(s, seen, out);
        }
    }

    /**
     * Fails unless {@code failure} is there and nothing in its whole chain contains any of {@code secrets}.
     *
     * @param failure the exception, which must not be null
     * @param secrets session ids, passwords and the like
     */
    public static void assertNeverNames(Throwable failure, String... secrets) {
        assertThat(failure).as("the failure to check").isNotNull();
        String text = text(failure);
        for (String secret : secrets) {
            assertThat(text).as("the failure's whole chain").doesNotContain(secret);
        }
    }

    /**
     * {@return the first 12 hex digits of the SHA-256 of {@code id}, as Cloakroom's log lines name a session}
     *
     * @param id a session id
     */
    public static String fingerprint(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                hex.append(String.format("%02x", digest[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Fails unless {@code log} has exactly one WARN line from Cloakroom's logger naming
     * {@code id}'s fingerprint, and no line anywhere containing the raw id: the positive control
     * that the capture saw Cloakroom's line. Lines are read in slf4j-simple's default format
     * ({@code [thread] WARN dev.cloakroom - ...}); an application or harness that logs the
     * exception again adds lines of its own logger, which are checked for the id but not counted.
     *
     * @param log the captured console output
     * @param id  the session id
     */
    public static void assertOneWarnByFingerprint(String log, String id) {
        assertThat(log).as("the captured log").doesNotContain(id);
        List<String> warnings = log.lines()
                .filter(l -> l.contains(CLOAKROOM_WARN) && l.contains(fingerprint(id)))
                .toList();
        assertThat(warnings).as("WARN lines naming session %s in:%n%s", fingerprint(id), log).hasSize(1);
    }
}
