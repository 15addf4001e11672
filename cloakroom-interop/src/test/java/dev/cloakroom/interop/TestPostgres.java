package dev.cloakroom.interop;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The PostgreSQL both apps share: {@code CLOAKROOM_TEST_PG_URL} (a {@code jdbc:postgresql://} URL
 * with user and password in its query) when set, else zonky's embedded PostgreSQL on a free port.
 */
final class TestPostgres implements SharedStore {

    static final String URL_ENV = "CLOAKROOM_TEST_PG_URL";

    private final EmbeddedPostgres server;
    private final String jdbcUrl;

    private TestPostgres(EmbeddedPostgres server, String jdbcUrl) {
        this.server = server;
        this.jdbcUrl = jdbcUrl;
    }

    static TestPostgres start() {
        String external = System.getenv(URL_ENV);
        if (external != null && !external.isBlank()) {
            return new TestPostgres(null, external);
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().setPort(TestRedis.freePort()).start();
            return new TestPostgres(pg, pg.getJdbcUrl("postgres", "postgres"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    /** {@code jdbc:postgresql://host:port/db?user=...}, for the Java demo. */
    @Override
    public String javaUrl() {
        return jdbcUrl;
    }

    /** The same database as a {@code postgres://user:password@host:port/db} URL, for node-postgres. */
    @Override
    public String nodeUrl() {
        java.net.URI uri = java.net.URI.create(jdbcUrl.substring("jdbc:".length()));
        String user = "postgres";
        String password = "";
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv[0].equals("user")) {
                    user = kv[1];
                } else if (kv[0].equals("password")) {
                    password = kv[1];
                }
            }
        }
        String host = uri.getHost().equals("localhost") ? "127.0.0.1" : uri.getHost();
        return "postgres://" + user + (password.isEmpty() ? "" : ":" + password) + "@" + host + ":"
                + uri.getPort() + uri.getPath();
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl);
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
