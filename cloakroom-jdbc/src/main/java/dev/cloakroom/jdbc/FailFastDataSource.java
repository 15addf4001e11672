package dev.cloakroom.jdbc;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;

/**
 * A pool whose getConnection, while its {@link RetryingDataSource} is retrying, waits at most one
 * retry interval for that retry to connect and then fails.
 */
final class FailFastDataSource extends ForwardingDataSource {

    private final RetryingDataSource connections;

    FailFastDataSource(DataSource pool, RetryingDataSource connections) {
        super(pool);
        this.connections = connections;
    }

    private void failIfRetrying() throws SQLException {
        if (!connections.retrying()) {
            return;
        }
        try {
            if (connections.awaitRetriesEnded()) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new SQLTransientConnectionException(
                "the database is unreachable; the pool's next connection is being retried", "08001");
    }

    @Override
    public Connection getConnection() throws SQLException {
        failIfRetrying();
        return target.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        failIfRetrying();
        return target.getConnection(username, password);
    }







}
