package dev.cloakroom.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;

/**
 * SQLite in a temporary file. Readers and writers share it through WAL mode, and a writer that
 * finds the file locked waits (busy_timeout) instead of failing: SQLite serializes writers, so
 * under concurrent saves they queue. sqlite-jdbc uses the statement's query timeout as that wait,
 * so the store gets a longer one than the 1 s default here.
 */
class SqliteJdbcStoreTest extends JdbcStoreContractBase {

    @TempDir
    static Path dir;
    private static HikariDataSource pool;

    @BeforeAll
    static void openDatabase() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(10_000);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + dir.resolve("sessions.db"));
        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(sqlite);
        hikari.setMaximumPoolSize(8);
        hikari.setConnectionTimeout(10_000);
        pool = new HikariDataSource(hikari);
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
        return JdbcDialect.SQLITE;
    }

    @Override
    protected JdbcStore.Builder configure(JdbcStore.Builder builder) {
        return builder.queryTimeout(java.time.Duration.ofSeconds(10));
    }
}
