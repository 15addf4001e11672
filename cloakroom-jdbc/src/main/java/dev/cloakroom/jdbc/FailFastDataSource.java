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
final class FailFastDataSource implements DataSource {

    private final DataSource pool;
    private final RetryingDataSource connections;

    FailFastDataSource(DataSource pool, RetryingDataSource connections) {
        this.pool = pool;
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
        return pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        failIfRetrying();
        return pool.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
