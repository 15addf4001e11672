package dev.cloakroom.redis;

import dev.cloakroom.SessionStoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The README promises a store call a 1 s timeout when none is set. A server that accepts the
 * connection and never answers is the case a timeout exists for (a refused connection fails at once
 * with or without one): a call against it must fail after about a second, not after Lettuce's own
 * 60 s default, and not at once.
 */
class RedisDefaultTimeoutTest {

    private ServerSocket silent;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private RedisStore store;

    @BeforeEach
    void startASilentServer() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(silent.accept());      // held open, never read from or written to
                }
            } catch (IOException closed) {
                // the test is over
            }
        }, "silent-redis");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stop() throws IOException {
        if (store != null) {
            store.close();
        }
        silent.close();
        for (Socket s : accepted) {
            s.close();
        }
    }

    @Test
    void aCallToAServerThatNeverAnswersFailsAfterAboutOneSecond() {
        store = RedisStore.connect("redis://127.0.0.1:" + silent.getLocalPort());

        long start = System.nanoTime();
        assertThatThrownBy(() -> store.get("some-session")).isInstanceOf(SessionStoreException.class);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(accepted).as("the store reached the server").isNotEmpty();
        assertThat(took).as("waited for the timeout").isGreaterThanOrEqualTo(Duration.ofMillis(900))
                .as("the 1 s default, not a longer one").isLessThan(Duration.ofSeconds(5));
    }
}
