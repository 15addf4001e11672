package dev.cloakroom.demo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cloakroom.MemoryStore;
import dev.cloakroom.SessionStore;
import dev.cloakroom.jdbc.JdbcStore;
import dev.cloakroom.jdbc.RetryingDataSource;
import dev.cloakroom.mongodb.MongoStore;
import dev.cloakroom.redis.RedisStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/**
 * Turns the {@code --store} value into an open store. {@link #check} decides what is accepted
 * (so a typo is a usage error before anything connects); {@link #open} connects.
 */
final class DemoStores {

    /** The accepted prefixes, in the order the usage text lists them. */
    static final List<String> PREFIXES = List.of(
            "redis://", "rediss://", "redis-sentinel://", "redis-cluster://",
            "jdbc:postgresql://", "jdbc:mysql://", "jdbc:mariadb://", "jdbc:h2:file:", "jdbc:sqlite:",
            "mongodb://", "mongodb+srv://");

    /** A request waits at most this long for a pooled JDBC connection before it gets a 503. */
    static final long JDBC_CONNECTION_TIMEOUT_MS = 1000;
    /** How long the driver may take to connect and log in. */
    static final int JDBC_LOGIN_TIMEOUT_SECONDS = 3;
    /** A backstop for a read that never returns; the store's own query timeout (1 s) comes first. */
    static final int JDBC_SOCKET_TIMEOUT_SECONDS = 10;

    /** An open store and whatever must be closed with it (a connection pool, a client). */
    record OpenStore(SessionStore store, AutoCloseable resources) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            resources.close();
        }
    }

    private DemoStores() {
    }

    /** {@code value} if the demo knows how to open it; the message says what it accepts. */
    static String check(String value) throws UsageException {
        if (value.equals("memory")) {
            return value;
        }
        for (String prefix : PREFIXES) {
            if (value.startsWith(prefix) && value.length() > prefix.length()) {
                if (prefix.equals("jdbc:sqlite:") && value.contains(":memory:")) {
                    throw UsageException.of("--store jdbc:sqlite::memory: would give every pooled connection its own"
                            + " empty database; use memory, or jdbc:sqlite:PATH");
                }
                return value;
            }
        }
        throw UsageException.of("--store must be memory, redis://HOST:PORT[/DB], rediss://..., redis-sentinel://...,"
                + " redis-cluster://HOST:PORT,HOST:PORT, jdbc:postgresql://..., jdbc:mysql://..., jdbc:mariadb://...,"
                + " jdbc:h2:file:PATH, jdbc:sqlite:PATH or mongodb://..., got '" + value + "'");
    }

    /**
     * Opens the store {@code value} names (one {@link #check} accepted).
     *
     * @throws IllegalArgumentException when the store finds the value malformed (the demo exits with usage)
     */
    static OpenStore open(String value) {
        return open(value, DemoConfig.MemoryBounds.DEFAULTS);
    }

    /**
     * Opens the store {@code value} names, a memory store within {@code bounds}.
     *
     * @throws IllegalArgumentException when the store finds the value malformed (the demo exits with usage)
     */
    static OpenStore open(String value, DemoConfig.MemoryBounds bounds) {
        if (value.equals("memory")) {
            MemoryStore.Builder builder = MemoryStore.builder();
            if (bounds.maxSessions() != null) {
                builder.maxSessions(bounds.maxSessions());
            }
            if (bounds.maxBytes() != null) {
                builder.maxBytes(bounds.maxBytes());
            }
            MemoryStore memory = builder.build();
            return new OpenStore(memory, memory::close);
        }
        if (value.startsWith("redis")) {
            RedisStore redis = RedisStore.connect(value);
            return new OpenStore(redis, redis::close);
        }
        if (value.startsWith("mongodb")) {
            MongoStore mongo = MongoStore.connect(value);
            return new OpenStore(mongo, mongo::close);
        }
        if (value.startsWith("jdbc:")) {
            return openJdbc(value);
        }
        throw new IllegalArgumentException("unknown store '" + value + "'");
    }

    private static OpenStore openJdbc(String url) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("cloakroom-demo-sessions");
        config.setConnectionTimeout(JDBC_CONNECTION_TIMEOUT_MS);
        RetryingDataSource connections = null;
        if (url.startsWith("jdbc:postgresql:") || url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
            // A database server can go away and come back: the pool connects through RetryingDataSource,
            // which retries every 100 ms, so it is connected again within that of the server answering
            // (HikariCP's own retries back off to 5 s), and the store's requests fail at once meanwhile
            // instead of each waiting out the connection timeout. See the README's "Fault tests".
            connections = retrying(url);
            config.setDataSource(connections);
        } else {
            config.setJdbcUrl(url);
        }
        if (url.startsWith("jdbc:sqlite:")) {
            // SQLite allows one writer at a time; one connection queues them instead of failing with SQLITE_BUSY.
            config.setMaximumPoolSize(1);
            createParentDirectory(url.substring("jdbc:sqlite:".length()).split("\\?", 2)[0]);
        }
        RetryingDataSource retrying = connections;
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            closeQuietly(retrying);
            throw e;
        }
        try {
            JdbcStore store = JdbcStore.builder(retrying == null ? pool : retrying.failFast(pool))
                    .createTableIfMissing(true).build();
            return new OpenStore(store, () -> {
                // Ends a retry in progress first, so that the pool's close need not wait for it.
                try (pool; store) {
                    closeQuietly(retrying);
                }
            });
        } catch (RuntimeException e) {
            closeQuietly(retrying);
            pool.close();
            throw e;
        }
    }

    /**
     * The pool's connections to a database server. The pool's connection timeout bounds only the wait
     * for a pooled connection; the driver's connect and login timeouts bound each attempt, so startup
     * fails instead of hanging on a silent server, and the socket timeout is a backstop for a read
     * that never returns. Strings: drivers read only String values from Properties.
     */
    private static RetryingDataSource retrying(String url) {
        Properties driver = new Properties();
        if (url.startsWith("jdbc:postgresql:")) {
            driver.setProperty("connectTimeout", String.valueOf(JDBC_LOGIN_TIMEOUT_SECONDS));
            driver.setProperty("loginTimeout", String.valueOf(JDBC_LOGIN_TIMEOUT_SECONDS));
            driver.setProperty("socketTimeout", String.valueOf(JDBC_SOCKET_TIMEOUT_SECONDS));
        } else {
            driver.setProperty("connectTimeout", String.valueOf(JDBC_LOGIN_TIMEOUT_SECONDS * 1000));
            driver.setProperty("socketTimeout", String.valueOf(JDBC_SOCKET_TIMEOUT_SECONDS * 1000));
        }
        try {
            return RetryingDataSource.forUrl(jdbcUrl(url), driver).build();
        } catch (SQLException e) {
            throw new IllegalArgumentException("no JDBC driver accepts '" + url + "'", e);
        }
    }

    private static void closeQuietly(RetryingDataSource connections) {
        if (connections != null) {
            connections.close();
        }
    }

    /**
     * The URL the pool connects with. MariaDB's driver serves {@code jdbc:mysql:} only when the URL
     * says {@code permitMysqlScheme}, so the demo adds it (the MySQL driver is not shipped).
     */
    static String jdbcUrl(String url) {
        if (url.startsWith("jdbc:mysql:") && !url.contains("permitMysqlScheme")) {
            return url + (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
        }
        return url;
    }

    private static void createParentDirectory(String file) {
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory for " + file, e);
        }
    }
}
