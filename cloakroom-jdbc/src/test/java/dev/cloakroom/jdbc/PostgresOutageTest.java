package dev.cloakroom.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.cloakroom.SessionStoreException;
import dev.cloakroom.StoredSession;
import org.junit.jupiter.api.AfterAll;
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
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A real PostgreSQL process stopped and started again under one store and one HikariCP pool
 * (connectionTimeout 1 s). Always an embedded process, since the test must stop it. Bounds are
 * generous (several times the 1 s pool timeout) so a slow shared machine cannot fail them.
 */
class PostgresOutageTest {

    private static final String ID = "outage-secret-id-5Kq0vXbZ";
    private static final Duration BOUND = Duration.ofSeconds(8);

    private static PgServer server;
    private static HikariDataSource pool;
    private static JdbcStore store;

    @BeforeAll
    static void startServer() {
        server = PgServer.embedded();
        pool = server.pool();
        store = JdbcStore.builder(pool).table("session_outage").createTableIfMissing(true).build();
    }

    @AfterAll
    static void stopServer() throws Exception {
        store.close();
        pool.close();
        server.close();
    }

    @BeforeEach
    void writeASessionThenStopTheServer() throws InterruptedException {
        firstSuccessAfter(() -> store.set(ID, session()));
        server.stop();
    }

    @AfterEach
    void serverIsRunningAgain() {
        server.start();
    }

    @Nested
    class WhileTheDatabaseIsDown {

        @Test
        void getAndSetFailFastWithAStoreExceptionThatNamesNoId() {
            for (Runnable call : List.<Runnable>of(() -> store.get(ID), () -> store.set(ID, session()))) {
                long started = System.nanoTime();
                Throwable thrown = catchThrowable(call::run);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND);
                assertThat(thrown).isInstanceOf(SessionStoreException.class);
                for (Throwable t = thrown; t != null; t = t.getCause()) {
                    assertThat(String.valueOf(t.getMessage())).doesNotContain(ID);
                }
            }
        }

        @Test
        void twentyConcurrentCallsAllFinishWithinTheBound() throws Exception {
            ExecutorService threads = Executors.newFixedThreadPool(20);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Throwable>> calls = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    int k = i;
                    calls.add(threads.submit(() -> {
                        go.await();
                        return catchThrowable(() -> {
                            if (k % 2 == 0) {
                                store.get(ID);
                            } else {
                                store.set(ID + k, session());
                            }
                        });
                    }));
                }
                long started = System.nanoTime();
                go.countDown();
                for (Future<Throwable> call : calls) {
                    assertThat(call.get(BOUND.toMillis() * 2, TimeUnit.MILLISECONDS)).isInstanceOf(SessionStoreException.class);
                }
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND.multipliedBy(2));
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Nested
    class WhenTheDatabaseComesBack {

        /**
         * HikariCP retries opening connections with a backoff of up to 5 s, so the first calls after
         * a long outage may still time out; the store and pool recover by themselves, no restart.
         */
        @Test
        void callsSucceedAgainAndTheDataWrittenBeforeIsThere() throws InterruptedException {
            catchThrowable(() -> store.get(ID));
            server.start();
            Duration recovery = firstSuccessAfter(() -> assertThat(store.get(ID)).contains(session()));
            System.out.println("JdbcStore on PostgreSQL: first successful call " + recovery.toMillis() + " ms after the restart");
            store.set(ID + "-after", session());
            store.touch(ID, session());
            assertThat(store.ids()).contains(ID, ID + "-after");
        }
    }

    /** Repeats {@code call} until it succeeds, failing after 15 s (HikariCP's 5 s backoff, with room to spare). */
    private static Duration firstSuccessAfter(Runnable call) throws InterruptedException {
        long started = System.nanoTime();
        while (true) {
            try {
                call.run();
                return Duration.ofNanos(System.nanoTime() - started);
            } catch (SessionStoreException e) {
                assertThat(Duration.ofNanos(System.nanoTime() - started)).as("still failing: %s", e.getMessage())
                        .isLessThan(Duration.ofSeconds(15));
                Thread.sleep(100);
            }
        }
    }

    private static StoredSession session() {
        Instant expires = Instant.parse("2099-01-01T00:00:00Z");
        return new StoredSession("{\"cookie\":{\"expires\":\"2099-01-01T00:00:00.000Z\",\"path\":\"/\"},\"user\":\"ada\"}", expires);
    }
}
