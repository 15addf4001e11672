package dev.cloakroom.demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that open a request and then stall must not take the demo down for everyone else. The
 * liveness bound on {@code /health} is a client timeout of several seconds, far longer than an
 * answer takes, and far shorter than the 30 s Jetty waits by default before giving up on a body.
 */
class SlowClientsTest extends RunningDemoTest {

    private static final int CLIENTS = 300;
    private static final Duration LIVENESS = Duration.ofSeconds(5);

    private final List<Socket> sockets = new ArrayList<>();

    SlowClientsTest() {
        super("--secret", "test-secret");
    }

    @AfterEach
    void closeSockets() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    @Nested
    class WhenManyClientsSendHeadersAndNeverTheBody {

        @Test
        void healthStillAnswers() throws Exception {
            for (int i = 0; i < CLIENTS; i++) {
                send(open(), "POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n");
            }

            assertThat(health().body()).isEqualTo("ok");
        }

        @Test
        void healthStillAnswersWhenTheBodiesAreForThePreferencesApi() throws Exception {
            for (int i = 0; i < CLIENTS; i++) {
                send(open(), "PUT /api/prefs/theme HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: text/plain\r\nContent-Length: 1000\r\n\r\nda");
            }

            assertThat(health().body()).isEqualTo("ok");
        }
    }

    @Nested
    class WhenOneClientStallsInTheBody {

        /** A liveness bound of three idle timeouts, for a busy machine; before, the socket stayed open. */
        @Test
        void isAnswered408AndClosedAfterTheIdleTimeout() throws Exception {
            Socket socket = open();
            send(socket, "PUT /api/prefs/theme HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: text/plain\r\nContent-Length: 1000\r\n\r\nda");
            socket.setSoTimeout((int) DemoJetty.IDLE_TIMEOUT.multipliedBy(3).toMillis());

            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(answer).startsWith("HTTP/1.1 408 ");
        }
    }

    private Socket open() throws IOException {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), (int) LIVENESS.toMillis());
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private HttpResponse<String> health() throws Exception {
        // Not Browser: its client has no timeout, and the point is that this request is answered at all.
        HttpClient client = HttpClient.newBuilder().connectTimeout(LIVENESS).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                .timeout(LIVENESS).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
