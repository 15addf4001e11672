package dev.cloakroom.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cloakroom.SessionStoreException;
import dev.cloakroom.StoredSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@link RetryingDataSource} on a real PostgreSQL process that is stopped and started again, alone
 * and under a HikariCP pool. Always an embedded process, since the tests stop it.
 */
class PostgresRetryingDataSourceTest {

    private static final String ID = "retrying-secret-id-7Hq2vLbN";

    private static PgServer server;

    @BeforeAll
    static void startServer() {
        server = PgServer.embedded();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @AfterEach
    void serverIsRunningAgain() {
        server.start();
    }

    private static RetryingDataSource.Builder retrying(String url) throws SQLException {
        Properties driver = new Properties();
        driver.setProperty("connectTimeout", "3");
        return RetryingDataSource.forUrl(url, driver);
    }

    @Nested
    class BeforeAnyConnectionSucceeded {

        @Test
        void aDatabaseThatIsDownFailsTheFirstCallAtOnce() throws Exception {
            server.stop();
            RetryingDataSource connections = retrying(server.jdbcUrl()).build();
            CompletableFuture<Throwable> call = CompletableFuture.supplyAsync(() -> catchThrowable(connections::getConnection));
            // Retrying would never end while the server is down; 20 s is a liveness bound, not a timing goal.
            assertThat(call.get(20, TimeUnit.SECONDS)).isInstanceOf(SQLException.class);
        }
    }

    @Nested
    class AfterAConnectionSucceeded {

        @Test
        void aCallDuringAnOutageReturnsAConnectionOnceTheDatabaseIsBack() throws Exception {
            RetryingDataSource connections = retrying(server.jdbcUrl()).build();
            connections.getConnection().close();
            server.stop();
            CompletableFuture<Integer> call = CompletableFuture.supplyAsync(() -> {
                try (Connection c = connections.getConnection()) {
                    return c.isValid(5) ? 1 : 0;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitRetrying(connections);
            assertThat(call).as("still retrying while the server is down").isNotDone();
            server.start();
            assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        }

        @Test
        void aFailureOtherThanReachingTheDatabaseIsNotRetried() throws Exception {
            Properties driver = new Properties();
            driver.setProperty("user", "postgres");
            RetryingDataSource connections = RetryingDataSource.forUrl(server.jdbcUrl().split("\\?")[0], driver).build();
            connections.getConnection().close();
            // The server answers, and refuses: role "nobody" does not exist (SQLState 28000).
            CompletableFuture<Throwable> call = CompletableFuture.supplyAsync(
                    () -> catchThrowable(() -> connections.getConnection("nobody", "x")));
            Throwable thrown = call.get(20, TimeUnit.SECONDS);
            assertThat(thrown).isInstanceOf(SQLException.class);
            assertThat(((SQLException) thrown).getSQLState()).startsWith("28");
        }

        @Test
        void closingEndsARetryInProgressAndRefusesNewCalls() throws Exception {
            RetryingDataSource connections = retrying(server.jdbcUrl()).build();
            connections.getConnection().close();
            server.stop();
            CompletableFuture<Throwable> call = CompletableFuture.supplyAsync(() -> catchThrowable(connections::getConnection));
            awaitRetrying(connections);
            assertThat(call).isNotDone();
            connections.close();
            assertThat(call.get(20, TimeUnit.SECONDS)).isInstanceOf(SQLException.class);
            assertThat(connections.retrying()).isFalse();
            server.start();
            assertThatThrownBy(connections::getConnection).isInstanceOf(SQLException.class).hasMessageContaining("closed");
        }

        @Test
        void interruptingTheCallerEndsARetryInProgress() throws Exception {
            RetryingDataSource connections = retrying(server.jdbcUrl()).build();
            connections.getConnection().close();
            server.stop();
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
            Thread caller = new Thread(() -> {
                thrown.set(catchThrowable(connections::getConnection));
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
            caller.start();
            awaitRetrying(connections);
            assertThat(caller.isAlive()).isTrue();
            caller.interrupt();
            caller.join(20_000);
            assertThat(thrown.get()).isInstanceOf(SQLException.class);
            assertThat(stillInterrupted.get()).isTrue();
        }

        @Test
        void giveUpAfterBoundsOneCall() throws Exception {
            RetryingDataSource connections = retrying(server.jdbcUrl()).giveUpAfter(Duration.ofMillis(500)).build();
            connections.getConnection().close();
            server.stop();
            CompletableFuture<Throwable> call = CompletableFuture.supplyAsync(() -> catchThrowable(connections::getConnection));
            assertThat(call.get(20, TimeUnit.SECONDS)).isInstanceOf(SQLException.class);
        }
    }

    @Nested
    class UnderAHikariPool {

        /**
         * The pool's own retries back off to 5 s between attempts; through RetryingDataSource the pool
         * makes one call for the whole outage, which returns when the database is back, so that
         * backoff never starts. Meanwhile the store, on {@code failFast(pool)}, fails without asking
         * the pool. The recovery time is printed, not asserted (see the README's fault test).
         */
        @Test
        void thePoolWaitsInOneCallThroughTheOutageWhileTheStoreFailsFast() throws Exception {
            AtomicInteger poolCalls = new AtomicInteger();
            RetryingDataSource connections = retrying(server.jdbcUrl()).build();
            HikariConfig config = new HikariConfig();
            config.setDataSource(counting(connections, poolCalls));
            config.setConnectionTimeout(1000);
            config.setMaximumPoolSize(4);
            try (HikariDataSource pool = new HikariDataSource(config);
                 JdbcStore store = JdbcStore.builder(connections.failFast(pool)).table("session_retrying")
                         .createTableIfMissing(true).build()) {
                store.set(ID, session());
                server.stop();
                // Until the pool has found its connections dead and its next attempt failed, calls wait for the pool.
                long started = System.nanoTime();
                while (!connections.retrying()) {
                    assertThat(catchThrowable(() -> store.get(ID))).isInstanceOf(SessionStoreException.class);
                    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
                }
                long outageEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
                int failedFast = 0;
                while (System.nanoTime() < outageEnds) {
                    Throwable thrown = catchThrowable(() -> store.get(ID));
                    assertThat(thrown).isInstanceOf(SessionStoreException.class)
                            .hasMessageContaining("the database is unreachable").hasMessageNotContaining(ID);
                    failedFast++;
                }
                int callsDuringTheOutage = poolCalls.get();
                server.start();
                long restarted = System.nanoTime();
                Duration recovery = null;
                while (recovery == null) {
                    try {
                        assertThat(store.get(ID)).contains(session());
                        recovery = Duration.ofNanos(System.nanoTime() - restarted);
                    } catch (SessionStoreException e) {
                        assertThat(Duration.ofNanos(System.nanoTime() - restarted)).as("still failing: %s", e.getMessage())
                                .isLessThan(Duration.ofSeconds(15));
                        Thread.sleep(10);
                    }
                }
                System.out.println("JdbcStore through RetryingDataSource: " + failedFast + " calls failed fast in 4 s;"
                        + " first successful call " + recovery.toMillis() + " ms after the restart");
                // Each of the pool's connections so far, and one call that spanned the outage (a plain pool
                // calls again after 10, 20, 40 ... ms: about nine times in 4 s).
                assertThat(callsDuringTheOutage).isLessThanOrEqualTo(config.getMaximumPoolSize() + 1);
                assertThat(connections.retrying()).isFalse();
            }
        }
    }

    private static void awaitRetrying(RetryingDataSource connections) throws InterruptedException {
        long started = System.nanoTime();
        while (!connections.retrying()) {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("a call starts retrying").isLessThan(Duration.ofSeconds(15));
            Thread.sleep(10);
        }
    }

    /** {@code target}, counting the calls to either getConnection. */
    private static DataSource counting(DataSource target, AtomicInteger calls) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        calls.incrementAndGet();
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static StoredSession session() {
        Instant expires = Instant.parse("2099-01-01T00:00:00Z");
        return new StoredSession("{\"cookie\":{\"expires\":\"2099-01-01T00:00:00.000Z\",\"path\":\"/\"},\"user\":\"ada\"}", expires);
    }
}
