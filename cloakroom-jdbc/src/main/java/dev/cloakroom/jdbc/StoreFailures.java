package dev.cloakroom.jdbc;

import dev.cloakroom.SessionStoreException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

/**
 * Turns an {@link SQLException} into a {@link SessionStoreException} that is safe to log.
 *
 * <p>Drivers put parameter values in some messages (PostgreSQL's "Key (sid)=(...) already
 * exists", H2's list of the row's values, the text of a rejected document), and a session id
 * in a log is a live credential. So the original exception is kept as the cause only when it is
 * about the connection or a timeout, which carry no parameters and are what an operator needs
 * during an outage; anything else is replaced by a copy holding just its class, SQLState and
 * vendor code.
 *
 * <p>One failure is named outright, because its SQLState alone does not tell an operator what to
 * do: the table is missing (SQLState {@code 42P01} on PostgreSQL, {@code 42S02} on MySQL, MariaDB
 * and H2, "no such table" on SQLite, whose driver sets no SQLState). The message then says so and
 * how to create it. So is a table without the {@code user_key} column, which connect-pg-simple's
 * table and Cloakroom's before the user index lack (SQLState {@code 42703} on PostgreSQL,
 * {@code 42S22} on MySQL, MariaDB and H2, "no such column" on SQLite): the message names the
 * statements that add it. Only the store's own table name goes into that text, never the driver's.
 */
final class StoreFailures {

    private StoreFailures() {
    }

    /** {@code dialect} may be null while it is not yet detected; it only fills in the DDL hint. */
    static SessionStoreException wrap(String operation, TableName table, JdbcDialect dialect, SQLException e) {
        String message = "JdbcStore " + operation + " on table " + table + " failed: "
                + (isMissingTable(e) ? missingTable(table, dialect) + " (" + describe(e) + ")"
                : isMissingColumn(e) ? missingUserKeyColumn(table, dialect) + " (" + describe(e) + ")" : describe(e));
        return new SessionStoreException(message, aboutTheConnection(e) ? e : scrubbed(e));
    }

    static String missingTable(TableName table, JdbcDialect dialect) {
        return "the table " + table + " does not exist; create it with JdbcStore.builder(dataSource)"
                + ".createTableIfMissing(true), or run the statements of JdbcStore.ddl("
                + (dialect == null ? "dialect" : "JdbcDialect." + dialect.name()) + ", \"" + table + "\")";
    }

    static String missingUserKeyColumn(TableName table, JdbcDialect dialect) {
        return "the table " + table + " has no " + SqlText.USER_KEY + " column, where Cloakroom keeps the user a session is"
                + " bound to (connect-pg-simple's table and tables made by earlier Cloakroom versions lack it); add it with"
                + " JdbcStore.builder(dataSource).createTableIfMissing(true), or run the statements of JdbcStore.migrationDdl("
                + (dialect == null ? "dialect" : "JdbcDialect." + dialect.name()) + ", \"" + table + "\")";
    }

    /**
     * Whether an exception in the chain says a column is missing. The store's statements name only
     * {@code sid}, {@code sess}, {@code expire} and {@code user_key}, and a table without the first
     * three is no session table, so the missing one is {@code user_key}.
     */
    static boolean isMissingColumn(SQLException e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 8; t = t.getCause(), depth++) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if ("42703".equals(state) || "42S22".equals(state)) {
                    return true;
                }
                String text = sql.getMessage();
                if (text != null && (text.contains("no such column") || text.contains("has no column named"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first exception in the chain (SQLException's own, then getCause) that says the table is missing. */
    static boolean isMissingTable(SQLException e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 8; t = t.getCause(), depth++) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if ("42P01".equals(state) || "42S02".equals(state)) {
                    return true;
                }
                String text = sql.getMessage();
                if (text != null && text.contains("no such table")) {
                    return true;
                }
            }
        }
        return false;
    }

    static String describe(SQLException e) {
        return aboutTheConnection(e)
                ? e.getClass().getSimpleName() + ": " + e.getMessage()
                : e.getClass().getSimpleName() + " (SQLState " + e.getSQLState() + ", vendor code " + e.getErrorCode() + ")";
    }

    private static boolean aboutTheConnection(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLTimeoutException || (state != null && state.startsWith("08"))
                || "57014".equals(state); // PostgreSQL: statement cancelled by the query timeout
    }

    private static SQLException scrubbed(SQLException e) {
        SQLException copy = new SQLException(describe(e), e.getSQLState(), e.getErrorCode());
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }
}
