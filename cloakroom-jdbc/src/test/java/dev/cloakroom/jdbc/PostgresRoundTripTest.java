package dev.cloakroom.jdbc;

import dev.cloakroom.SessionStore;
import dev.cloakroom.testkit.RoundTripContract;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

/** Round trips per request on a real PostgreSQL, counted as the statements the store executes. */
class PostgresRoundTripTest extends RoundTripContract {

    @RegisterExtension
    static final PostgresForClass postgres = new PostgresForClass();

    private CountingDataSource counting;

    @Override
    protected SessionStore createStore() {
        counting = new CountingDataSource(postgres.pool());
        JdbcStore store = JdbcStore.builder(counting).table("session_round_trips").createTableIfMissing(true)
                .pruneInterval(Duration.ZERO).build();
        store.clear();
        return store;
    }

    @Override
    protected long roundTrips() {
        return counting.executed().size();
    }

    @Override
    protected String sentSinceReset() {
        return counting.executed().toString();
    }

    @Override
    protected void resetRoundTrips() {
        counting.reset();
    }
}
