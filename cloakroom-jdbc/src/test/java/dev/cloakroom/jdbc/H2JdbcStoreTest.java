package dev.cloakroom.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import javax.sql.DataSource;
import java.util.UUID;

/** H2 in memory, through a HikariCP pool, kept alive for the class by DB_CLOSE_DELAY. */
class H2JdbcStoreTest extends JdbcStoreContractBase {

    private static HikariDataSource pool;

    @BeforeAll
    static void openDatabase() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:cloakroom-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(10);
        config.setConnectionTimeout(5000);
        pool = new HikariDataSource(config);
    }

    @AfterAll
    static void closeDatabase() {
        pool.close();
    }

    @Override
    protected DataSource dataSource() {
        return pool;
    }

    @Override
    protected JdbcDialect expectedDialect() {
        return JdbcDialect.H2;
    }
}
