package dev.cloakroom.mongodb;

import de.bwaldvogel.mongo.MongoServer;
import dev.cloakroom.SessionStoreException;
import dev.cloakroom.StoredSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A server that goes away and comes back. Always an in-process mongo-java-server of its own, even
 * when CLOAKROOM_TEST_MONGODB_URL is set, because the test must stop and restart it. Bounds are
 * generous multiples of the one-second timeout, for a slow shared machine.
 */
class MongoStoreOutageTest {

    private static final String SECRET_ID = "outage-secret-session-id";
    private static final Duration FEW_SECONDS = Duration.ofSeconds(8);

    private MongoServer server;
    private int port;
    private MongoStore store;

    @BeforeAll
    static void announce() {
        System.out.println("[cloakroom-mongodb] outage tests stop and restart their own in-process mongo-java-server");
    }

    @BeforeEach
    void startServerAndStore() {
        server = TestMongo.startMemoryServer(0);
        port = server.getLocalAddress().getPort();
        store = MongoStore.builder().uri("mongodb://127.0.0.1:" + port + "/outage").build();
        store.set(SECRET_ID, session());
        assertThat(store.get(SECRET_ID)).isPresent();
        server.shutdownNow();
    }

    @AfterEach
    void stop() {
        store.close();
        server.shutdownNow();
    }

    private static StoredSession session() {
        return new StoredSession("{\"cookie\":{\"expires\":null},\"user\":\"ada\"}", Instant.now().plus(Duration.ofHours(1)));
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    @Nested
    class WhileTheServerIsDown {

        @Test
        void getFailsWithASessionStoreExceptionWithinAFewSeconds() {
            long start = System.nanoTime();
            assertThatThrownBy(() -> store.get(SECRET_ID)).isInstanceOf(SessionStoreException.class);
            assertThat(millisSince(start)).isLessThan(FEW_SECONDS.toMillis());
        }

        @Test
        void setFailsWithASessionStoreExceptionWithinAFewSeconds() {
            long start = System.nanoTime();
            assertThatThrownBy(() -> store.set(SECRET_ID, session())).isInstanceOf(SessionStoreException.class);
            assertThat(millisSince(start)).isLessThan(FEW_SECONDS.toMillis());
        }

        @Test
        void theFailureNeverNamesTheSession() {
            for (Runnable call : List.<Runnable>of(() -> store.get(SECRET_ID), () -> store.replace(SECRET_ID, "{}", session()),
                    () -> store.touch(SECRET_ID, session()), () -> store.destroy(SECRET_ID))) {
                assertThatThrownBy(call::run).isInstanceOf(SessionStoreException.class)
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET_ID));
            }
        }

        @Test
        void twentyConcurrentCallsAllFinishWithinAFewSeconds() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(20);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Throwable>> calls = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    int k = i;
                    calls.add(pool.submit(() -> {
                        go.await();
                        try {
                            if (k % 2 == 0) {
                                store.get(SECRET_ID);
                            } else {
                                store.set(SECRET_ID + k, session());
                            }
                            return null;
                        } catch (Throwable t) {
                            return t;
                        }
                    }));
                }
                long start = System.nanoTime();
                go.countDown();
                for (Future<Throwable> call : calls) {
                    assertThat(call.get(FEW_SECONDS.toMillis(), TimeUnit.MILLISECONDS)).isInstanceOf(SessionStoreException.class);
                }
                assertThat(millisSince(start)).isLessThan(FEW_SECONDS.toMillis());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class WhenTheServerComesBack {

        @Test
        void theSameStoreWorksAgain() {
            assertThatThrownBy(() -> store.get(SECRET_ID)).isInstanceOf(SessionStoreException.class);
            server = TestMongo.startMemoryServer(port);

            // A memory backend starts empty: the session written before the outage is gone, which a
            // real MongoDB would have kept. What matters here is that the store needs no restart.
            assertThat(store.get(SECRET_ID)).isEmpty();
            store.set(SECRET_ID, session());
            assertThat(store.get(SECRET_ID)).isPresent();
        }
    }
}
