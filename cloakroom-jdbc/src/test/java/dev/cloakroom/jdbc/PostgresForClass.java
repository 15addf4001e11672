package dev.cloakroom.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One PostgreSQL ({@link PgServer#fromEnvironmentOrEmbedded()}) and a pool on it for a test class,
 * registered as a static {@code @RegisterExtension} field: started before the class's first test,
 * closed after its last. {@code @Nested} classes inherit the extension and share the outer class's
 * server; only the class that started it closes it.
 */
final class PostgresForClass implements BeforeAllCallback, AfterAllCallback {

    private PgServer server;
    private HikariDataSource pool;
    private String startedBy;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (server == null) {
            server = PgServer.fromEnvironmentOrEmbedded();
            startedBy = context.getUniqueId();
            pool = server.pool();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (server != null && context.getUniqueId().equals(startedBy)) {
            try {
                if (pool != null) {
                    pool.close();
                }
            } finally {
                server.close();
                server = null;
                pool = null;
            }
        }
    }

    HikariDataSource pool() {
        return pool;
    }
}
