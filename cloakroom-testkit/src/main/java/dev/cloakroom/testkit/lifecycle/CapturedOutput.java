package dev.cloakroom.testkit.lifecycle;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies everything written to {@code System.out} and {@code System.err} while open, still
 * passing it through. Log backends that write to the console (slf4j-simple, Logback's console
 * appender) are caught this way; ones that cache the stream or write elsewhere are not. It swaps
 * JVM-wide streams, so it assumes tests run one at a time (surefire's default).
 */
public final class CapturedOutput implements AutoCloseable {

    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(new Tee(originalOut, copy), true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(new Tee(originalErr, copy), true, StandardCharsets.UTF_8);

    /** Starts copying {@code System.out} and {@code System.err}; {@link #close()} stops it. */
    public CapturedOutput() {
        System.setOut(out);
        System.setErr(err);
    }

    /** {@return whether {@code System.out} and {@code System.err} are still this capture's, so nothing bypassed it} */
    public boolean stillInstalled() {
        return System.out == out && System.err == err;
    }

    /** {@return everything written to either stream since this was opened, as UTF-8 text} */
    public String text() {
        synchronized (copy) {
            return copy.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final ByteArrayOutputStream second;

        Tee(OutputStream first, ByteArrayOutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (second) {
                second.write(b, off, len);
            }
            try {
                first.write(b, off, len);
            } catch (java.io.IOException e) {
                // the console going away must not fail the test; the copy is what matters
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            first.flush();
        }
    }
}
