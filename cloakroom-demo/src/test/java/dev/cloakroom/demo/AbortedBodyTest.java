package dev.cloakroom.demo;

import dev.cloakroom.testkit.lifecycle.CapturedOutput;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that promises a body and hangs up part-way through it is routine on the internet (a
 * closed tab, a dropped phone connection), so it is worth one log line, not a stack trace. The
 * client here half-closes: the demo sees the same early end of the body as for a full close, but
 * the test can still read the answer, and so knows the demo is done with the request.
 */
class AbortedBodyTest extends RunningDemoTest {

    AbortedBodyTest() {
        super("--secret", "test-secret");
    }

    @Nested
    class WhenTheClientHangsUpInTheBody {

        @Test
        void theLoginIsLoggedInOneWarningLineAndAnswered400() throws IOException {
            assertAbortIsOneLine("POST /login HTTP/1.1", "application/x-www-form-urlencoded", "username=a");
        }

        @Test
        void aPreferenceIsLoggedInOneWarningLineAndAnswered400() throws IOException {
            assertAbortIsOneLine("PUT /api/prefs/theme HTTP/1.1", "text/plain", "dark-theme");
        }
    }

    private void assertAbortIsOneLine(String requestLine, String contentType, String firstTenBytes) throws IOException {
        String answer;
        List<String> lines;
        try (CapturedOutput output = new CapturedOutput()) {
            answer = abort(requestLine + "\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: 1000\r\n\r\n" + firstTenBytes);
            lines = output.text().lines().toList();
        }

        assertThat(answer).startsWith("HTTP/1.1 400 ");
        assertThat(lines).singleElement().satisfies(line -> assertThat(line)
                .contains("WARN", "client closed the connection", requestLine.substring(0, requestLine.indexOf(" HTTP")))
                .doesNotContain("Exception"));
    }

    /** Sends {@code text}, half-closes, and returns what the demo answers before it closes its side. */
    private String abort(String text) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            // A liveness bound only: the answer comes as soon as the demo has read the early end.
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
