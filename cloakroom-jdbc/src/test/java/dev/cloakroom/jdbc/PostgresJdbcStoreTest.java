package dev.cloakroom.jdbc;

import dev.cloakroom.StoredSession;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The store contract on PostgreSQL: CLOAKROOM_TEST_PG_URL, or an embedded PostgreSQL 14 process. */
class PostgresJdbcStoreTest extends JdbcStoreContractBase {

    @RegisterExtension
    static final PostgresForClass postgres = new PostgresForClass();

    @Override
    protected DataSource dataSource() {
        return postgres.pool();
    }

    @Override
    protected JdbcDialect expectedDialect() {
        return JdbcDialect.POSTGRESQL;
    }

    @Override
    protected boolean touchesOnRead() {
        return true;
    }

    /**
     * The json column refuses text that is not JSON, by design, so that input is reported as
     * refused; any other text (JSON of the wrong shape) is written into the row as it is.
     */
    @Override
    protected boolean writeRaw(String id, String raw) {
        store.set(id, new StoredSession("{}", Instant.now().plusSeconds(3600)));
        String sql = "UPDATE \"" + TABLE + "\" SET \"sess\" = ?::json WHERE \"sid\" = ?";
        try (Connection c = postgres.pool().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, raw);
            ps.setString(2, id);
            assertThat(ps.executeUpdate()).isEqualTo(1);
            return true;
        } catch (SQLException e) {
            if ("22P02".equals(e.getSQLState())) {
                return false;
            }
            throw new AssertionError(e);
        }
    }
}
