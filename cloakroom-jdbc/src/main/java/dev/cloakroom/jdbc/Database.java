package dev.cloakroom.jdbc;

import dev.cloakroom.SessionStoreException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The store's way into the database: one connection per operation from the application's
 * DataSource, closed afterwards; a query timeout on every statement; the dialect known or
 * detected once; and every {@link SQLException} turned into a {@link SessionStoreException}.
 */
final class Database {

    interface Work<T> {
        T run(Connection c, SqlText sql) throws SQLException;
    }

    private interface ConnectionWork<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;
    private final TableName table;
    final int queryTimeoutSeconds;
    /** Known from the builder, or detected from the first connection's metadata. */
    private volatile SqlText sql;

    Database(DataSource dataSource, TableName table, JdbcDialect dialect, int queryTimeoutSeconds) {
        this.dataSource = dataSource;
        this.table = table;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
        this.sql = dialect == null ? null : new SqlText(dialect, table);
    }

    PreparedStatement prepare(Connection c, String statement) throws SQLException {
        PreparedStatement ps = c.prepareStatement(statement);
        try {
            ps.setQueryTimeout(queryTimeoutSeconds);
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }

    SqlText sql() {
        SqlText known = sql;
        if (known != null) {
            return known;
        }
        String product = withConnection("detect the database", c -> c.getMetaData().getDatabaseProductName());
        JdbcDialect detected = JdbcDialect.forProductName(product).orElseThrow(() -> new SessionStoreException(
                "JdbcStore does not know the database '" + product + "'; give the builder a dialect (PostgreSQL, MySQL, MariaDB, H2 or SQLite)"));
        known = new SqlText(detected, table);
        sql = known;
        return known;
    }

    private JdbcDialect knownDialect() {
        SqlText known = sql;
        return known == null ? null : known.dialect;
    }

    <T> T run(String operation, Work<T> work) {
        SqlText s = sql();
        return withConnection(operation, c -> work.run(c, s));
    }

    /** A DataSource handing out connections without auto-commit gets a commit (or a rollback on failure) per operation. */
    private <T> T withConnection(String operation, ConnectionWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean ownTransaction = !c.getAutoCommit();
            try {
                T result = work.run(c);
                if (ownTransaction) {
                    c.commit();
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                if (ownTransaction) {
                    try {
                        c.rollback();
                    } catch (SQLException rollback) {
                        e.addSuppressed(StoreFailures.wrap("rollback", table, knownDialect(), rollback));
                    }
                }
                throw e;
            }
        } catch (SQLException e) {
            throw StoreFailures.wrap(operation, table, knownDialect(), e);
        }
    }
}
