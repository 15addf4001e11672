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
 */
final class StoreFailures {

    private StoreFailures() {
    }

    static SessionStoreException wrap(String operation, TableName table, SQLException e) {
        String message = "JdbcStore " + operation + " on table " + table + " failed: " + describe(e);
        return new SessionStoreException(message, aboutTheConnection(e) ? e : scrubbed(e));
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
