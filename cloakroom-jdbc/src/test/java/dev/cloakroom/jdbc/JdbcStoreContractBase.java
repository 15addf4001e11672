package dev.cloakroom.jdbc;

import dev.cloakroom.SessionStore;
import dev.cloakroom.StoredSession;
import dev.cloakroom.testkit.SessionStoreContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store contract plus what is particular to JdbcStore (dialect detection, pruning, what a
 * touch writes), run against one real database per subclass.
 */
abstract class JdbcStoreContractBase extends SessionStoreContract {

    static final String TABLE = "session_contract";

    /** The database under test; the table is created by the store. */
    protected abstract DataSource dataSource();

    protected abstract JdbcDialect expectedDialect();

    /** Extra options for this database. */
    protected JdbcStore.Builder configure(JdbcStore.Builder builder) {
        return builder;
    }

    @Override
    protected SessionStore createStore() {
        JdbcStore s = configure(JdbcStore.builder(dataSource()).table(TABLE).createTableIfMissing(true)
                .pruneInterval(Duration.ZERO)).build();
        s.clear();
        return s;
    }

    JdbcStore jdbcStore() {
        return (JdbcStore) store;
    }

    /** Rows in the table, expired or not, as the database counts them. */
    long rawRowCount() throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + TableName.parse(TABLE).quoted(expectedDialect()))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    String rawColumn(String id, String column) throws SQLException {
        JdbcDialect d = expectedDialect();
        String sql = "SELECT " + TableName.quote(d, column) + " FROM " + TableName.parse(TABLE).quoted(d)
                + " WHERE " + TableName.quote(d, "sid") + " = ?";
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Nested
    class WhenTheDialectIsNotGiven {

        @Test
        void itIsDetectedFromTheDatabase() {
            assertThat(jdbcStore().dialect()).isEqualTo(expectedDialect());
        }
    }

    @Nested
    class Pruning {

        @Test
        void expiredRowsDisappearFromTheTableWithoutAnyRead() throws Exception {
            try (JdbcStore pruning = configure(JdbcStore.builder(dataSource()).table(TABLE)
                    .pruneInterval(Duration.ofMillis(200))).build()) {
                pruning.set("prune-soon", session("a", Instant.now().plusMillis(800)));
                pruning.set("prune-later", session("b", inOneDay()));
                assertThat(rawRowCount()).isEqualTo(2);
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (rawRowCount() > 1) {
                    assertThat(System.nanoTime()).as("expired row still in the table").isLessThan(deadline);
                    Thread.sleep(100);
                }
                assertThat(rawColumn("prune-later", "sid")).isEqualTo("prune-later");
            }
        }

        @Test
        void pruneReturnsHowManyExpiredRowsItDeleted() throws Exception {
            store.set("p1", session("a", Instant.now().plusMillis(300)));
            store.set("p2", session("b", inOneDay()));
            Thread.sleep(600);
            assertThat(jdbcStore().prune()).isEqualTo(1);
            assertThat(rawRowCount()).isEqualTo(1);
        }
    }

    @Nested
    class WhenASessionIsTouched {

        @Test
        void onlyTheExpireColumnChanges() throws Exception {
            StoredSession s = session("a", Instant.now().plusSeconds(60));
            store.set("touch-raw", s);
            String sessBefore = rawColumn("touch-raw", "sess");
            String expireBefore = rawColumn("touch-raw", "expire");
            store.touch("touch-raw", new StoredSession("{\"ignored\":true}", inOneDay()));
            assertThat(rawColumn("touch-raw", "sess")).isEqualTo(sessBefore).isEqualTo(s.json());
            assertThat(rawColumn("touch-raw", "expire")).isNotEqualTo(expireBefore);
        }

        @Test
        void anExpiredRowIsNotRevived() throws Exception {
            store.set("touch-expired", session("a", Instant.now().plusMillis(300)));
            Thread.sleep(600);
            store.touch("touch-expired", session("a", inOneDay()));
            assertThat(store.get("touch-expired")).isEmpty();
        }
    }

    @Nested
    class WhenTheIdCannotBeStored {

        @Test
        void anIdWithNulOrALoneSurrogateNamesNoSession() {
            assertThat(store.get("a\u0000b")).isEmpty();
            assertThat(store.get("a\uD800b")).isEmpty();
            assertThat(store.replace("a\u0000b", "{}", session("a", inOneDay()))).isFalse();
        }
    }
}
