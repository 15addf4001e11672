package dev.cloakroom.jdbc;

import dev.cloakroom.SessionListener;
import dev.cloakroom.SessionManager;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.SessionStore;
import dev.cloakroom.StoredSession;
import dev.cloakroom.UserIndexedSessionStore;
import dev.cloakroom.testkit.SessionStoreContract;
import dev.cloakroom.testkit.UserIndexContract;
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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store contract and the user-index contract, plus what is particular to JdbcStore (dialect
 * detection, pruning, what a touch writes, adding the user_key column), run against one real
 * database per subclass.
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

    /** Moves a row's {@code expire} column, bound as the store binds times for this dialect. */
    void backdate(String id, Instant expire) throws SQLException {
        JdbcDialect d = expectedDialect();
        SqlText text = new SqlText(d, TableName.parse(TABLE));
        String time = d == JdbcDialect.POSTGRESQL ? "to_timestamp(?)" : "?";
        String sql = "UPDATE " + TableName.parse(TABLE).quoted(d) + " SET " + TableName.quote(d, "expire") + " = " + time
                + " WHERE " + TableName.quote(d, "sid") + " = ?";
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            text.bindTime(ps, 1, expire);
            ps.setString(2, id);
            assertThat(ps.executeUpdate()).as("rows backdated").isEqualTo(1);
        }
    }

    @Nested
    class WhenSessionsAreBoundToUsers extends UserIndexContract {
        @Override
        protected UserIndexedSessionStore store() {
            return jdbcStore();
        }
    }

    @Nested
    class WhenTheTableHasNoUserKeyColumn extends UserKeyMigrationTests {
        @Override
        protected DataSource dataSource() {
            return JdbcStoreContractBase.this.dataSource();
        }

        @Override
        protected JdbcDialect dialect() {
            return expectedDialect();
        }

        @Override
        protected JdbcStore.Builder configure(JdbcStore.Builder builder) {
            return JdbcStoreContractBase.this.configure(builder);
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

        /**
         * Both rows are written live by the store under test (which does not prune) and one is then
         * backdated in SQL, so the two-row count before the pruner starts holds however slow the
         * machine is; only then does a pruning store start.
         */
        @Test
        void expiredRowsDisappearFromTheTableWithoutAnyRead() throws Exception {
            store.set("prune-soon", session("a", inOneDay()));
            store.set("prune-later", session("b", inOneDay()));
            backdate("prune-soon", Instant.now().minusSeconds(60));
            assertThat(rawRowCount()).isEqualTo(2);
            try (JdbcStore pruning = configure(JdbcStore.builder(dataSource()).table(TABLE)
                    .pruneInterval(Duration.ofMillis(200))).build()) {
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
            store.set("p1", session("a", inOneDay()));
            store.set("p2", session("b", inOneDay()));
            backdate("p1", Instant.now().minusSeconds(60));
            assertThat(jdbcStore().prune()).isEqualTo(1);
            assertThat(rawRowCount()).isEqualTo(1);
        }

        @Test
        void pruneTellsSessionListenersHowManyExpired() throws Exception {
            List<Integer> told = new CopyOnWriteArrayList<>();
            SessionManager manager = new SessionManager(SessionOptions.builder().secret("a secret of thirty-two bytes, at least")
                    .store(store).listener(new SessionListener() {
                        @Override
                        public void pruned(int count, Instant time) {
                            told.add(count);
                        }
                    }).build());
            store.set("p1", session("a", inOneDay()));
            store.set("p2", session("b", inOneDay()));
            store.set("p3", session("c", inOneDay()));
            backdate("p1", Instant.now().minusSeconds(60));
            backdate("p2", Instant.now().minusSeconds(60));
            jdbcStore().prune();
            jdbcStore().prune();
            assertThat(told).as("one report of two; an empty prune says nothing").containsExactly(2);
            assertThat(manager.options().listeners()).hasSize(1);
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

        /** The row is still in the table (nothing pruned it), and the touch leaves it expired. */
        @Test
        void anExpiredRowIsNotRevived() throws Exception {
            store.set("touch-expired", session("a", inOneDay()));
            backdate("touch-expired", Instant.now().minusSeconds(60));
            String expired = rawColumn("touch-expired", "expire");
            store.touch("touch-expired", session("a", inOneDay()));
            assertThat(store.get("touch-expired")).isEmpty();
            assertThat(rawColumn("touch-expired", "expire")).isEqualTo(expired);
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

    @Nested
    class WhenTheTableIsMissing {

        private static final String ID = "id-that-must-not-leak-0123456789";

        /** The dialect is detected, as in most setups, so the hint names the detected one. */
        private JdbcStore storeWithoutItsTable() {
            return configure(JdbcStore.builder(dataSource()).table("no_session_table").pruneInterval(Duration.ZERO)).build();
        }

        private String chain(Throwable t) {
            StringBuilder text = new StringBuilder();
            for (; t != null; t = t.getCause()) {
                text.append(t.getMessage()).append(" <- ");
            }
            return text.toString();
        }

        @Test
        void everyOperationSaysSoAndHowToCreateIt() {
            try (JdbcStore missing = storeWithoutItsTable()) {
                String expected = "the table no_session_table does not exist; create it with JdbcStore.builder(dataSource)"
                        + ".createTableIfMissing(true), or run the statements of JdbcStore.ddl(JdbcDialect."
                        + expectedDialect().name() + ", \"no_session_table\")";
                for (Runnable call : new Runnable[] {
                        () -> missing.get(ID),
                        () -> missing.set(ID, new StoredSession("{\"secret\":\"" + ID + "\"}", Instant.now().plusSeconds(60))),
                        () -> missing.touch(ID, new StoredSession("{}", Instant.now().plusSeconds(60))),
                        () -> missing.destroy(ID),
                        missing::length}) {
                    Throwable failure = org.assertj.core.api.Assertions.catchThrowable(call::run);
                    assertThat(failure).isInstanceOf(dev.cloakroom.SessionStoreException.class)
                            .hasMessageContaining(expected);
                    assertThat(chain(failure)).doesNotContain(ID);
                }
            }
        }

        @Test
        void anotherSqlErrorIsNotCalledAMissingTable() {
            assertThat(StoreFailures.isMissingTable(new SQLException("syntax error", "42601"))).isFalse();
        }
    }
}
