package dev.cloakroom.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.cloakroom.StoredSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** On PostgreSQL the table and rows are connect-pg-simple 10's, so a Node app can share them. */
class PostgresFormatTest {

    /** connect-pg-simple 10's table.sql, as its README tells users to run it. */
    private static final List<String> CONNECT_PG_SIMPLE_TABLE_SQL = List.of(
            "CREATE TABLE \"theirs\" (\"sid\" varchar NOT NULL COLLATE \"default\", \"sess\" json NOT NULL,"
                    + " \"expire\" timestamp(6) NOT NULL) WITH (OIDS=FALSE)",
            "ALTER TABLE \"theirs\" ADD CONSTRAINT \"theirs_pkey\" PRIMARY KEY (\"sid\") NOT DEFERRABLE INITIALLY IMMEDIATE",
            "CREATE INDEX \"IDX_theirs_expire\" ON \"theirs\" (\"expire\")");

    @RegisterExtension
    static final PostgresForClass postgres = new PostgresForClass();

    private JdbcStore store;

    @BeforeEach
    void freshTable() throws SQLException {
        execute("DROP TABLE IF EXISTS \"session\"", "DROP TABLE IF EXISTS \"theirs\"");
        store = JdbcStore.builder(postgres.pool()).createTableIfMissing(true).pruneInterval(Duration.ZERO).build();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Nested
    class TheTable {

        @Test
        void hasConnectPgSimplesColumnsKeyAndIndexAndANullableUserKey() throws SQLException {
            execute(CONNECT_PG_SIMPLE_TABLE_SQL.toArray(String[]::new));
            assertThat(columns("theirs")).containsExactly(
                    "sid character varying null NO", "sess json null NO", "expire timestamp without time zone 6 NO");
            assertThat(columns("session")).startsWith(columns("theirs").toArray(String[]::new))
                    .endsWith("user_key character varying null YES").hasSize(4);
            assertThat(query("SELECT indexdef FROM pg_indexes WHERE tablename = 'session' AND indexname = 'IDX_session_user_key'"))
                    .singleElement().asString().contains("(user_key)");
            assertThat(query("SELECT string_agg(a.attname, ',') FROM pg_index i JOIN pg_attribute a"
                    + " ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) WHERE i.indrelid = '\"session\"'::regclass"
                    + " AND i.indisprimary")).containsExactly("sid");
            assertThat(query("SELECT indexdef FROM pg_indexes WHERE tablename = 'session' AND indexname = 'IDX_session_expire'"))
                    .singleElement().asString().contains("(expire)");
        }

        /** createTableIfMissing(true) adds user_key, and the columns connect-pg-simple made are as they were. */
        @Test
        void aStoreWorksOnTheTableConnectPgSimpleCreatedOnceItHasTheUserKey() throws SQLException {
            execute(CONNECT_PG_SIMPLE_TABLE_SQL.toArray(String[]::new));
            List<String> before = columns("theirs");
            try (JdbcStore theirs = JdbcStore.builder(postgres.pool()).table("theirs").createTableIfMissing(true)
                    .pruneInterval(Duration.ZERO).build()) {
                StoredSession s = session(Instant.now().plus(Duration.ofHours(1)));
                theirs.set("shared", s);
                assertThat(theirs.get("shared")).contains(s);
            }
            assertThat(columns("theirs")).startsWith(before.toArray(String[]::new)).endsWith("user_key character varying null YES");
        }

        /** The sessions of connect-pg-simple's set(), which never names user_key, are bound to no one. */
        @Test
        void aRowConnectPgSimpleWritesIsUnbound() throws SQLException {
            store.set("bound-by-java", new StoredSession("{\"cookie\":{\"expires\":null},\"__cloakroom\":{\"user\":\"ada\"}}",
                    Instant.now().plusSeconds(3600)));
            try (Connection c = postgres.pool().getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO \"session\""
                    + " (sess, expire, sid) SELECT ?::json, to_timestamp(?), ? ON CONFLICT (sid) DO UPDATE SET sess = ?::json,"
                    + " expire = to_timestamp(?) RETURNING sid")) {
                String unbound = "{\"cookie\":{\"expires\":null},\"__cloakroom\":{\"created\":1}}";
                long seconds = System.currentTimeMillis() / 1000 + 3600;
                ps.setString(1, unbound);
                ps.setLong(2, seconds);
                ps.setString(3, "from-node");
                ps.setString(4, unbound);
                ps.setLong(5, seconds);
                ps.executeQuery().close();
            }
            assertThat(query("SELECT sid || ' ' || coalesce(user_key, 'NULL') FROM \"session\" ORDER BY sid"))
                    .containsExactly("bound-by-java ada", "from-node NULL");
            assertThat(store.sessionsOf("ada")).containsOnlyKeys("bound-by-java");
        }
    }

    @Nested
    class WhenConnectPgSimpleWroteTheRow {

        @Test
        void theStoreReadsIt() throws SQLException {
            Instant expires = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
            String json = session(expires).json();
            // connect-pg-simple 10's set(): ceil(expires in seconds), passed to to_timestamp().
            try (Connection c = postgres.pool().getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO \"session\""
                    + " (sess, expire, sid) SELECT ?::json, to_timestamp(?), ? ON CONFLICT (sid) DO UPDATE SET sess = ?::json,"
                    + " expire = to_timestamp(?) RETURNING sid")) {
                long seconds = (long) Math.ceil(expires.toEpochMilli() / 1000.0);
                ps.setString(1, json);
                ps.setLong(2, seconds);
                ps.setString(3, "from-node");
                ps.setString(4, json);
                ps.setLong(5, seconds);
                ps.executeQuery().close();
            }
            StoredSession got = store.get("from-node").orElseThrow();
            assertThat(got.json()).isEqualTo(json);
            assertThat(got.expires()).isBetween(expires, expires.plusSeconds(1));
        }
    }

    @Nested
    class WhenTheStoreWroteTheRow {

        @Test
        void sessHoldsExactlyTheJsonAndExpireTheCookieExpiry() throws SQLException {
            Instant expires = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);
            StoredSession s = session(expires);
            store.set("from-java", s);
            assertThat(query("SELECT sess::text FROM \"session\" WHERE sid = 'from-java'")).containsExactly(s.json());
            assertThat(storedExpire("from-java").toEpochMilli()).isCloseTo(expires.toEpochMilli(), within(1L));
        }

        @Test
        void connectPgSimplesReadFindsIt() throws SQLException {
            store.set("for-node", session(Instant.now().plus(Duration.ofHours(1))));
            long nowSeconds = (long) Math.ceil(System.currentTimeMillis() / 1000.0);
            assertThat(query("SELECT sess FROM \"session\" WHERE sid = 'for-node' AND expire >= to_timestamp(" + nowSeconds + ")"))
                    .hasSize(1);
        }

        @Test
        void aSessionWithoutExpiryIsKeptForTheDefaultTtl() throws SQLException {
            store.set("browser", new StoredSession("{\"cookie\":{\"expires\":null,\"path\":\"/\"}}", null));
            Instant expected = Instant.now().plus(Duration.ofDays(1));
            assertThat(storedExpire("browser")).isCloseTo(expected, within(Duration.ofMinutes(1)));
            assertThat(store.get("browser").orElseThrow().expires()).as("still a browser-session cookie").isNull();
        }

        @Test
        void aTouchChangesOnlyExpire() throws SQLException {
            StoredSession s = session(Instant.now().plus(Duration.ofMinutes(5)));
            store.set("touched", s);
            Instant later = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MILLIS);
            store.touch("touched", session(later));
            assertThat(query("SELECT sess::text FROM \"session\" WHERE sid = 'touched'")).containsExactly(s.json());
            assertThat(storedExpire("touched").toEpochMilli()).isCloseTo(later.toEpochMilli(), within(1L));
            assertThat(store.get("touched").orElseThrow().expires()).isEqualTo(storedExpire("touched"));
        }
    }

    @Nested
    class WhenTheConnectionTimeZoneIsNotUtc {

        @Test
        void expiryAndExpiredRowsAreJudgedTheSame() throws Exception {
            com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
            config.setJdbcUrl(postgres.pool().getJdbcUrl());
            config.setConnectionInitSql("SET TIME ZONE 'Asia/Tokyo'");
            try (HikariDataSource tokyo = new HikariDataSource(config);
                 JdbcStore there = JdbcStore.builder(tokyo).pruneInterval(Duration.ZERO).build()) {
                Instant expires = Instant.now().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MILLIS);
                there.set("tokyo", session(expires));
                there.set("tokyo-gone", session(Instant.now().plusMillis(400)));
                Thread.sleep(800);
                assertThat(there.get("tokyo").orElseThrow().expires()).isEqualTo(expires);
                assertThat(there.get("tokyo-gone")).isEmpty();
                assertThat(there.prune()).isEqualTo(1);
            }
        }
    }

    private static StoredSession session(Instant expiry) {
        Instant expires = expiry.truncatedTo(ChronoUnit.MILLIS);
        return new StoredSession("{\"cookie\":{\"originalMaxAge\":3600000,\"expires\":\"" + expires.truncatedTo(ChronoUnit.MILLIS)
                + "\",\"httpOnly\":true,\"path\":\"/\"},\"user\":\"ada\"}", expires);
    }

    private static Instant storedExpire(String sid) throws SQLException {
        try (Connection c = postgres.pool().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT expire::timestamptz FROM \"session\" WHERE sid = ?")) {
            ps.setString(1, sid);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("row %s", sid).isTrue();
                return rs.getObject(1, OffsetDateTime.class).toInstant();
            }
        }
    }

    private static List<String> columns(String table) throws SQLException {
        return query("SELECT column_name || ' ' || data_type || ' ' || coalesce(datetime_precision::text, 'null') || ' '"
                + " || is_nullable FROM information_schema.columns WHERE table_name = '" + table + "' ORDER BY ordinal_position");
    }

    private static List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = postgres.pool().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static void execute(String... statements) throws SQLException {
        try (Connection c = postgres.pool().getConnection(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }
}
