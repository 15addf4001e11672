package dev.cloakroom.mongodb;

import com.mongodb.MongoServerException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import dev.cloakroom.SessionStoreException;
import dev.cloakroom.StoredSession;
import dev.cloakroom.testkit.Leaks;
import org.bson.Document;
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
import static org.assertj.core.api.Assertions.catchThrowable;

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
                        .satisfies(e -> Leaks.assertNeverNames(e, SECRET_ID));
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

    /**
     * A server error that quotes a document: a unique index on the session text, and an
     * application that keeps its session id inside the session, so a duplicate-key error quotes
     * another session's id. The driver reports it; the store must strip it.
     */
    @Nested
    class WhenTheServerRefusesAWriteQuotingASession {

        private static final String OTHER_ID = "other-secret-session-id";

        private StoredSession naming(String id) {
            return new StoredSession("{\"cookie\":{\"expires\":null},\"sid\":\"" + id + "\"}",
                    Instant.now().plus(Duration.ofHours(1)));
        }

        @BeforeEach
        void restartWithAUniqueIndexOnTheSessionText() {
            // One call while down lets the driver drop its pooled connections to the old server.
            catchThrowable(() -> store.get(SECRET_ID));
            server = TestMongo.startMemoryServer(port);
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
                client.getDatabase("outage").getCollection("sessions")
                        .createIndex(Indexes.ascending("session"), new IndexOptions().unique(true));
            }
            store.set(SECRET_ID, naming(SECRET_ID));
        }

        @Test
        void theDriverQuotesTheOtherSessionsId() {
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
                Throwable raw = catchThrowable(() -> client.getDatabase("outage").getCollection("sessions")
                        .insertOne(new Document("_id", OTHER_ID).append("session", naming(SECRET_ID).json())));
                assertThat(raw).isInstanceOf(MongoServerException.class).hasMessageContaining(SECRET_ID);
            }
        }

        @Test
        void theStoreExceptionCarriesNoneOfIt() {
            Throwable error = catchThrowable(() -> store.set(OTHER_ID, naming(SECRET_ID)));
            assertThat(error).isInstanceOf(SessionStoreException.class).hasMessageContaining("11000");
            Leaks.assertNeverNames(error, SECRET_ID, OTHER_ID);
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
