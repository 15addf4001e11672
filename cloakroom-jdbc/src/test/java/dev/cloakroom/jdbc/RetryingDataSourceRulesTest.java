package dev.cloakroom.jdbc;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which failures {@link RetryingDataSource} retries, by the SQLStates drivers report, and its options. */
class RetryingDataSourceRulesTest {

    @Test
    void failuresToReachTheDatabaseAreRetried() {
        assertThat(RetryingDataSource.unreachable(new SQLException("Connection refused", "08001"))).isTrue();   // PostgreSQL
        assertThat(RetryingDataSource.unreachable(new SQLNonTransientConnectionException("Socket fail", "08000"))).isTrue(); // MariaDB
        assertThat(RetryingDataSource.unreachable(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(RetryingDataSource.unreachable(new SQLException("wrapped", "HY000",
                new SQLException("Connection reset", "08006")))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(RetryingDataSource.unreachable(new SQLException("password authentication failed", "28P01"))).isFalse();
        assertThat(RetryingDataSource.unreachable(new SQLException("too many clients already", "53300"))).isFalse();
        assertThat(RetryingDataSource.unreachable(new SQLException("database \"x\" does not exist", "3D000"))).isFalse();
        assertThat(RetryingDataSource.unreachable(new SQLException("no SQLState"))).isFalse();
    }

    @Test
    void theBuilderRefusesIntervalsThatMakeNoSense() throws SQLException {
        RetryingDataSource.Builder builder = RetryingDataSource.forUrl("jdbc:h2:mem:rules", new Properties());
        assertThatThrownBy(() -> builder.retryEvery(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.giveUpAfter(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryingDataSource.forUrl("jdbc:nosuchdriver:x", new Properties()))
                .isInstanceOf(SQLException.class);
    }
}
