package dev.cloakroom.jdbc;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Builder options and the DDL, without a database (the DataSource is never asked for a connection). */
class JdbcStoreOptionsTest {

    private static JdbcStore build(UnaryOperator<JdbcStore.Builder> options) {
        return options.apply(JdbcStore.builder(new JdbcDataSource()).dialect(JdbcDialect.H2)).build();
    }

    @Nested
    class WhenAnOptionIsInvalid {

        @ParameterizedTest
        @ValueSource(strings = {"", "1session", "session;drop", "a.b.c", "se\"ss", "sch ema.session", ".session", "s."})
        void aTableThatIsNotAnIdentifierIsRefused(String table) {
            assertThatThrownBy(() -> build(b -> b.table(table))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("table must be");
        }

        @Test
        void eachBadDurationNamesItsOption() {
            assertThatThrownBy(() -> build(b -> b.pruneInterval(Duration.ofMillis(-1)))).hasMessageStartingWith("pruneInterval");
            assertThatThrownBy(() -> build(b -> b.pruneInterval(null))).hasMessageStartingWith("pruneInterval");
            assertThatThrownBy(() -> build(b -> b.queryTimeout(Duration.ofSeconds(-1)))).hasMessageStartingWith("queryTimeout");
            assertThatThrownBy(() -> build(b -> b.defaultTtl(Duration.ZERO))).hasMessageStartingWith("defaultTtl");
            assertThatThrownBy(() -> build(b -> b.table(null))).hasMessageStartingWith("table");
        }

        @Test
        void aMissingDataSourceIsRefused() {
            assertThatThrownBy(() -> JdbcStore.builder(null).build()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("dataSource");
        }
    }

    @Nested
    class WhenTheOptionsAreValid {

        @Test
        void aSchemaQualifiedTableIsAccepted() {
            try (JdbcStore store = build(b -> b.table("app.user_sessions").pruneInterval(Duration.ZERO))) {
                assertThat(store.ddl()).contains("\"app\".\"user_sessions\"");
            }
        }
    }

    @Nested
    class TheDdl {

        @Test
        void onPostgresqlIsConnectPgSimplesTable() {
            assertThat(JdbcStore.ddl(JdbcDialect.POSTGRESQL, "session")).isEqualTo(
                    "CREATE TABLE IF NOT EXISTS \"session\" (\"sid\" varchar NOT NULL COLLATE \"default\", \"sess\" json NOT NULL,"
                            + " \"expire\" timestamp(6) NOT NULL, \"user_key\" varchar(255) NULL,"
                            + " CONSTRAINT \"session_pkey\" PRIMARY KEY (\"sid\"));\n"
                            + "CREATE INDEX IF NOT EXISTS \"IDX_session_expire\" ON \"session\" (\"expire\");\n"
                            + "CREATE INDEX IF NOT EXISTS \"IDX_session_user_key\" ON \"session\" (\"user_key\");\n");
        }

        @Test
        void theMigrationAddsTheUserKeyColumnAndItsIndex() {
            assertThat(JdbcStore.migrationDdl(JdbcDialect.POSTGRESQL, "session")).isEqualTo(
                    "ALTER TABLE \"session\" ADD COLUMN IF NOT EXISTS \"user_key\" varchar(255) NULL;\n"
                            + "CREATE INDEX IF NOT EXISTS \"IDX_session_user_key\" ON \"session\" (\"user_key\");\n");
            assertThat(JdbcStore.migrationDdl(JdbcDialect.MYSQL, "session")).isEqualTo(
                    "ALTER TABLE `session` ADD COLUMN `user_key` VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,"
                            + " ADD INDEX `IDX_session_user_key` (`user_key`);\n");
            assertThat(JdbcStore.migrationDdl(JdbcDialect.SQLITE, "app.session")).isEqualTo(
                    "ALTER TABLE \"app\".\"session\" ADD COLUMN \"user_key\" TEXT NULL;\n"
                            + "CREATE INDEX IF NOT EXISTS \"app\".\"IDX_session_user_key\" ON \"session\" (\"user_key\");\n");
        }

        @Test
        void onMysqlKeepsTheIdAndTheDocumentAsBinaryComparedText() {
            assertThat(JdbcStore.ddl(JdbcDialect.MYSQL, "session"))
                    .contains("`sid` VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL")
                    .contains("`sess` LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin")
                    .contains("`expire` DATETIME(6)").contains("INDEX `IDX_session_expire`").doesNotContain(" JSON")
                    .contains("`user_key` VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL")
                    .contains("INDEX `IDX_session_user_key` (`user_key`)");
            assertThat(JdbcStore.ddl(JdbcDialect.MARIADB, "session")).isEqualTo(JdbcStore.ddl(JdbcDialect.MYSQL, "session"));
        }

        @Test
        void onSqliteKeepsExpiryAsEpochMilliseconds() {
            assertThat(JdbcStore.ddl(JdbcDialect.SQLITE, "session")).contains("\"expire\" INTEGER NOT NULL");
        }

        @Test
        void namesTheIndexAfterTheTable() {
            assertThat(JdbcStore.ddl(JdbcDialect.H2, "web.carts")).contains("\"web\".\"IDX_carts_expire\" ON \"web\".\"carts\"");
        }
    }

    @Nested
    class WhenTheDatabaseIsDetected {

        /** The names the drivers report (pgjdbc, MySQL Connector/J and the MariaDB driver, H2, sqlite-jdbc). */
        @ParameterizedTest
        @CsvSource({"PostgreSQL, POSTGRESQL", "MySQL, MYSQL", "MariaDB, MARIADB", "H2, H2", "SQLite, SQLITE"})
        void eachSupportedProductNameGivesItsOwnDialect(String product, JdbcDialect expected) {
            assertThat(JdbcDialect.forProductName(product)).contains(expected);
        }

        @Test
        void anUnknownProductIsNot() {
            assertThat(JdbcDialect.forProductName("Oracle")).isEmpty();
        }
    }
}
