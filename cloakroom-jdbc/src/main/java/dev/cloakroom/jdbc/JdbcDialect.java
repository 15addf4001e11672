package dev.cloakroom.jdbc;

import java.util.Locale;
import java.util.Optional;

/**
 * The databases {@link JdbcStore} speaks to. Each one gets its own DDL, upsert and time
 * representation (see {@link JdbcStore#ddl(JdbcDialect, String)}); MySQL and MariaDB share SQL.
 */
public enum JdbcDialect {
    /** connect-pg-simple's table: {@code sess json}, {@code expire timestamp(6)}. */
    POSTGRESQL,
    /** {@code sess LONGTEXT} compared byte for byte, {@code expire DATETIME(6)} in UTC. */
    MYSQL,
    /** As {@link #MYSQL}. */
    MARIADB,
    /** {@code sess CLOB}, {@code expire TIMESTAMP(6)} in UTC. */
    H2,
    /** {@code sess TEXT}, {@code expire INTEGER} epoch milliseconds. */
    SQLITE;

    /**
     * {@return the dialect for a database product name as JDBC reports it, if it is one of ours}
     *
     * @param productName {@code DatabaseMetaData.getDatabaseProductName()}, or {@code null}
     */
    public static Optional<JdbcDialect> forProductName(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (name.contains("postgresql")) {
            return Optional.of(POSTGRESQL);
        }
        if (name.contains("mariadb")) {
            return Optional.of(MARIADB);
        }
        if (name.contains("mysql")) {
            return Optional.of(MYSQL);
        }
        if (name.equals("h2")) {
            return Optional.of(H2);
        }
        if (name.contains("sqlite")) {
            return Optional.of(SQLITE);
        }
        return Optional.empty();
    }

    boolean isMySqlFamily() {
        return this == MYSQL || this == MARIADB;
    }
}
