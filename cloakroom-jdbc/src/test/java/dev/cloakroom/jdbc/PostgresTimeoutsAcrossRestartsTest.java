package dev.cloakroom.jdbc;

import dev.cloakroom.SessionStore;
import dev.cloakroom.testkit.TimeoutsAcrossRestartsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

/** The timeouts across an application restart, on one PostgreSQL that outlives both apps. */
class PostgresTimeoutsAcrossRestartsTest extends TimeoutsAcrossRestartsContract {

    @RegisterExtension
    static final PostgresForClass postgres = new PostgresForClass();

    @Override
    protected SessionStore openStore() {
        return JdbcStore.builder(postgres.pool()).table("session_restarts").createTableIfMissing(true)
                .pruneInterval(Duration.ZERO).build();
    }
}
