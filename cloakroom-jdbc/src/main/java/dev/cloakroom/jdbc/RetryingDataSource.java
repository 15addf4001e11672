package dev.cloakroom.jdbc;

import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * The connections a pool opens, retried at a steady pace while the database is unreachable, so that
 * the pool is connected again within one retry interval of the database coming back.
 *
 * <p>Why: HikariCP (7.1 and earlier) opens connections on one background thread, and after each
 * failed attempt it waits twice as long as before, from 10 ms up to 5 s, with no setting for that
 * wait. After an outage of a few seconds the pool may not try again for up to 5 s after the
 * database is back, and every request meanwhile waits out the pool's connection timeout. Give the
 * pool this DataSource instead of a JDBC URL and a failed attempt does not return to the pool: it
 * is retried here every {@link Builder#retryEvery retry interval} (100 ms unless set) until the
 * database answers, so the pool's backoff never starts.
 *
 * <pre>{@code
 * Properties driver = new Properties();
 * driver.setProperty("user", "app");
 * driver.setProperty("connectTimeout", "3");       // bound each attempt (PostgreSQL: seconds)
 * RetryingDataSource connections = RetryingDataSource.forUrl("jdbc:postgresql://db/app", driver).build();
 * HikariConfig config = new HikariConfig();
 * config.setDataSource(connections);
 * config.setConnectionTimeout(1000);
 * HikariDataSource pool = new HikariDataSource(config);
 * JdbcStore store = JdbcStore.builder(connections.failFast(pool)).build();
 * }</pre>
 *
 * <p>{@link #failFast} is optional: with it, a request during an outage fails within one retry
 * interval instead of waiting out the pool's connection timeout.
 *
 * <ul>
 *   <li>Only a failure to reach the database is retried: SQLState class {@code 08} (connection
 *       refused, timed out, reset) and {@code 57P03} (PostgreSQL is starting up or in recovery).
 *       Anything else, a wrong password or too many connections, is thrown at once.</li>
 *   <li>Until one attempt has succeeded, nothing is retried, so a pool that connects when it is
 *       created still fails at once on a wrong URL or a database that is down at startup.</li>
 *   <li>A call gives up, throwing the last failure, when the thread is interrupted, when this
 *       DataSource is {@link #close() closed}, or after {@link Builder#giveUpAfter} (never, unless
 *       set). The default suits a pool that connects on a background thread, as HikariCP does; a pool
 *       that connects on the thread that asked for a connection should set a bound a request may wait.</li>
 *   <li>Each attempt is bounded by the driver's own connect and login timeouts, which should be set.</li>
 * </ul>
 * Closing it only ends retries in progress and refuses new calls; it holds no connections.
 */
public final class RetryingDataSource extends ForwardingDataSource implements AutoCloseable {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(RetryingDataSource.class);

    /** The attempts; {@code getConnection(user, password)} and {@code getConnection()} share the rules. */
    private interface Attempt {
        Connection connect() throws SQLException;
    }

    private final long retryNanos;
    private final long giveUpNanos;
    private volatile boolean connectedOnce;
    private volatile boolean closed;
    /** Calls in their retry loop: failed to reach the database, and neither connected nor gave up yet. */
    private final AtomicInteger retrying = new AtomicInteger();
    /** Notified when {@link #retrying} drops to zero. */
    private final Object retriesEnded = new Object();

    private RetryingDataSource(Builder b) {
        super(b.target);
        this.retryNanos = b.retryEvery.toNanos();
        this.giveUpNanos = b.giveUpAfter == null ? Long.MAX_VALUE : b.giveUpAfter.toNanos();
    }

    /**
     * {@return a builder over {@code target}, the driver's own DataSource (not a pool)}
     *
     * @param target opens one physical connection per call, such as {@code PGSimpleDataSource}
     */
    public static Builder wrap(DataSource target) {
        return new Builder(Objects.requireNonNull(target, "target"));
    }

    /**
     * {@return a builder over the JDBC driver that accepts {@code url}, called with {@code properties}}
     *
     * @param url        the JDBC URL
     * @param properties passed to the driver on each attempt ({@code user}, {@code password}, timeouts)
     * @throws SQLException when no registered driver accepts the URL
     */
    public static Builder forUrl(String url, Properties properties) throws SQLException {
        Driver driver = DriverManager.getDriver(Objects.requireNonNull(url, "url"));
        Properties copy = new Properties();
        copy.putAll(properties);
        return new Builder(new DriverConnections(driver, url, copy));
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connect(target::getConnection);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return connect(() -> target.getConnection(username, password));
    }

    private Connection connect(Attempt attempt) throws SQLException {
        if (closed) {
            throw new SQLException("the RetryingDataSource is closed", "08003");
        }
        long started = System.nanoTime();
        int retries = 0;
        try {
            while (true) {
                try {
                    Connection c = attempt.connect();
                    connectedOnce = true;
                    if (retries > 0) {
                        LOG.info("connected to the database again after {} ms and {} retries",
                                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), retries);
                    }
                    return c;
                } catch (SQLException e) {
                    if (!connectedOnce || !unreachable(e) || closed || System.nanoTime() - started >= giveUpNanos) {
                        throw e;
                    }
                    if (retries++ == 0 && retrying.getAndIncrement() == 0) {
                        LOG.warn("cannot reach the database ({}: {}, SQLState {}); retrying every {} ms",
                                e.getClass().getSimpleName(), e.getMessage(), e.getSQLState(),
                                TimeUnit.NANOSECONDS.toMillis(retryNanos));
                    }
                    try {
                        TimeUnit.NANOSECONDS.sleep(retryNanos);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw e;
                    }
                }
            }
        } finally {
            if (retries > 0 && retrying.decrementAndGet() == 0) {
                synchronized (retriesEnded) {
                    retriesEnded.notifyAll();
                }
            }
        }
    }

    /**
     * {@return whether a call is retrying: it failed to reach the database and has neither connected
     * nor given up yet} It turns false before a call that connects returns the connection.
     */
    public boolean retrying() {
        return retrying.get() > 0;
    }

    /** Waits up to one retry interval for every call to stop {@link #retrying()}; false if one still is. */
    boolean awaitRetriesEnded() throws InterruptedException {
        long deadline = System.nanoTime() + retryNanos;
        synchronized (retriesEnded) {
            while (retrying.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(retriesEnded, left);
            }
        }
        return true;
    }

    /**
     * {@return {@code pool}, except that while this DataSource is {@link #retrying()}, getConnection
     * waits at most one retry interval for the retry to connect, and then fails, instead of waiting
     * out the pool's connection timeout}
     *
     * <p>Give this to the store, and this DataSource to the pool: during an outage each request then
     * fails within 100 ms (the default interval) rather than holding its thread for the connection
     * timeout, and the retry under way is the probe that ends the outage, so a request waiting when
     * it connects goes on to the pool and succeeds. The wait, rather than failing at once, keeps
     * clients that retry at once from taking the CPU the retry needs. The exception is an
     * {@link java.sql.SQLTransientConnectionException} (SQLState {@code 08001}), which
     * {@link JdbcStore} reports as a {@link dev.cloakroom.SessionStoreException}.
     *
     * @param pool the pool that connects through this DataSource
     */
    public DataSource failFast(DataSource pool) {
        return new FailFastDataSource(Objects.requireNonNull(pool, "pool"), this);
    }

    /** Whether the failure says the database could not be reached or is not accepting connections yet. */
    static boolean unreachable(SQLException e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 8; t = t.getCause(), depth++) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.equals("57P03"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Ends retries in progress (each throws its last failure) and refuses further calls. */
    @Override
    public void close() {
        closed = true;
    }








    /** Options for a {@link RetryingDataSource}; {@link #build()} checks them. */
    public static final class Builder {
        private final DataSource target;
        private Duration retryEvery = Duration.ofMillis(100);
        private Duration giveUpAfter;

        private Builder(DataSource target) {
            this.target = target;
        }

        /**
         * How long to wait between attempts while the database is unreachable; 100 ms unless set.
         * A refused connection costs the database nothing, but every attempt that reaches a starting
         * PostgreSQL starts a backend process, so keep it well above a millisecond.
         *
         * @param interval at least 1 ms
         * @return this builder
         */
        public Builder retryEvery(Duration interval) {
            if (interval == null || interval.toMillis() < 1) {
                throw new IllegalArgumentException("retryEvery must be at least 1 ms, got " + interval);
            }
            this.retryEvery = interval;
            return this;
        }

        /**
         * How long one call keeps retrying before it throws the last failure; unbounded unless set.
         *
         * @param patience positive
         * @return this builder
         */
        public Builder giveUpAfter(Duration patience) {
            if (patience == null || patience.isNegative() || patience.isZero()) {
                throw new IllegalArgumentException("giveUpAfter must be positive, got " + patience);
            }
            this.giveUpAfter = patience;
            return this;
        }

        /** {@return the DataSource, open} */
        public RetryingDataSource build() {
            return new RetryingDataSource(this);
        }
    }
}
