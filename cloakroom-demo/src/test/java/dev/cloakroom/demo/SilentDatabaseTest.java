package dev.cloakroom.demo;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A database that accepts connections and never answers must make the demo's startup fail, not
 * hang: the pool's connection timeout does not bound the PostgreSQL driver's own login.
 */
class SilentDatabaseTest {

    @Test
    void aPostgresUrlToASilentServerFailsInsteadOfHanging() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());   // held open, never written to
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/sessions?user=demo";

            // A liveness bound, far above the driver's 3 s login timeout: before the fix this never returned.
            assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
                    assertThatThrownBy(() -> DemoStores.open(url).close()).isInstanceOf(RuntimeException.class));
        }
    }
}
