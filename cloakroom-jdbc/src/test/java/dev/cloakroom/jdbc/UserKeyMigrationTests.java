package dev.cloakroom.jdbc;

import dev.cloakroom.SessionStoreException;
import dev.cloakroom.StoredSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A table made without the {@code user_key} column: on PostgreSQL connect-pg-simple's own, elsewhere
 * the shape Cloakroom created before the user index. Writes name the fix, and both fixes work.
 */
abstract class UserKeyMigrationTests {

    private static final String LEGACY = "session_legacy";
    private static final String ID = "legacy-id-that-must-not-leak-42";

    protected abstract DataSource dataSource();

    protected abstract JdbcDialect dialect();

    protected abstract JdbcStore.Builder configure(JdbcStore.Builder builder);

    private String legacyTable() {
        return switch (dialect()) {
            case POSTGRESQL -> "CREATE TABLE \"session_legacy\" (\"sid\" varchar NOT NULL COLLATE \"default\", \"sess\" json NOT NULL,"
                    + " \"expire\" timestamp(6) NOT NULL, CONSTRAINT \"session_legacy_pkey\" PRIMARY KEY (\"sid\"))";
            case MYSQL, MARIADB -> "CREATE TABLE `session_legacy` (`sid` VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
                    + " NOT NULL, `sess` LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL, `expire` DATETIME(6) NOT NULL,"
                    + " PRIMARY KEY (`sid`))";
            case H2 -> "CREATE TABLE \"session_legacy\" (\"sid\" VARCHAR(255) NOT NULL PRIMARY KEY, \"sess\" CLOB NOT NULL,"
                    + " \"expire\" TIMESTAMP(6) NOT NULL)";
            case SQLITE -> "CREATE TABLE \"session_legacy\" (\"sid\" TEXT NOT NULL PRIMARY KEY, \"sess\" TEXT NOT NULL,"
                    + " \"expire\" INTEGER NOT NULL)";
        };
    }

    @BeforeEach
    void aTableWithoutTheColumn() throws SQLException {
        String quoted = TableName.parse(LEGACY).quoted(dialect());
        try (Connection c = dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + quoted);
            st.execute(legacyTable());
        }
    }

    private JdbcStore.Builder onTheLegacyTable() {
        return configure(JdbcStore.builder(dataSource()).table(LEGACY).pruneInterval(Duration.ZERO));
    }

    private static StoredSession boundTo(String user) {
        return new StoredSession("{\"cookie\":{\"expires\":null},\"__cloakroom\":{\"user\":\"" + user + "\"}}",
                Instant.now().plusSeconds(3600));
    }

    /** A row as a Node app (or an earlier Cloakroom) wrote it: the three columns only. */
    private void writeThreeColumnRow(String id) throws SQLException {
        JdbcDialect d = dialect();
        boolean pg = d == JdbcDialect.POSTGRESQL;
        String sql = "INSERT INTO " + TableName.parse(LEGACY).quoted(d) + " (" + TableName.quote(d, "sid") + ", "
                + TableName.quote(d, "sess") + ", " + TableName.quote(d, "expire") + ") VALUES (?, " + (pg ? "?::json" : "?")
                + ", " + (pg ? "to_timestamp(?)" : "?") + ")";
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            ps.setString(2, "{\"cookie\":{\"expires\":null},\"from\":\"node\"}");
            new SqlText(d, TableName.parse(LEGACY)).bindTime(ps, 3, Instant.now().plusSeconds(3600));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void writesAndListingsSayTheColumnIsMissingAndHowToAddIt() {
        try (JdbcStore store = onTheLegacyTable().build()) {
            String expected = "the table session_legacy has no user_key column";
            String fix = "run the statements of JdbcStore.migrationDdl(JdbcDialect." + dialect().name() + ", \"session_legacy\")";
            for (Runnable call : new Runnable[] {
                    () -> store.set(ID, boundTo(ID)),
                    () -> store.sessionsOf(ID)}) {
                Throwable failure = catchThrowable(call::run);
                assertThat(failure).isInstanceOf(SessionStoreException.class)
                        .hasMessageContaining(expected).hasMessageContaining(fix).hasMessageContaining("createTableIfMissing(true)");
                for (Throwable t = failure; t != null; t = t.getCause()) {
                    assertThat(String.valueOf(t.getMessage())).doesNotContain(ID);
                }
            }
            assertThat(store.get(ID)).isEmpty();
        }
    }

    @Test
    void createTableIfMissingAddsItAndKeepsTheRows() throws SQLException {
        writeThreeColumnRow("written-before");
        try (JdbcStore store = onTheLegacyTable().createTableIfMissing(true).build();
             JdbcStore again = onTheLegacyTable().createTableIfMissing(true).build()) {
            assertThat(store.get("written-before")).isPresent();
            store.set("bound-after", boundTo("ada"));
            assertThat(again.sessionsOf("ada")).containsOnlyKeys("bound-after");
        }
    }

    @Test
    void theMigrationStatementsAddIt() throws SQLException {
        writeThreeColumnRow("written-before");
        try (Connection c = dataSource().getConnection(); Statement st = c.createStatement()) {
            for (String statement : JdbcStore.migrationDdl(dialect(), LEGACY).split(";\n")) {
                st.execute(statement);
            }
        }
        try (JdbcStore store = onTheLegacyTable().build()) {
            store.set("bound-after", boundTo("ada"));
            assertThat(store.sessionsOf("ada")).containsOnlyKeys("bound-after");
            assertThat(store.get("written-before")).isPresent();
        }
    }
}
