package dev.cloakroom.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Every statement {@link JdbcStore} runs, for one dialect and table, and how each dialect holds
 * an instant in the {@code expire} column.
 *
 * <p>Time: every "now" is the application's clock, bound as a parameter like the expiry, never
 * the database's {@code now()}. The cookie expiry is computed on the application's clock, and
 * connect-pg-simple does the same ({@code to_timestamp(Date.now() / 1000)}), so both sides of
 * every comparison come from the same kind of clock and the database's clock skew is irrelevant.
 * <ul>
 *   <li>PostgreSQL: {@code to_timestamp(epoch seconds)} stored into the {@code timestamp} column,
 *       exactly as connect-pg-simple writes it. That converts to wall-clock time in the connection's
 *       {@code TimeZone}; comparisons go through the same conversion, so they hold in any zone, and
 *       rows are shared with Node as long as both connect with the same {@code TimeZone} (pgjdbc
 *       sends the JVM's default zone, node-postgres uses the server's setting: run both in UTC).</li>
 *   <li>MySQL/MariaDB and H2: UTC wall-clock time, bound as a {@link LocalDateTime}, so the
 *       server's and the connection's time zones never matter.</li>
 *   <li>SQLite: epoch milliseconds in an {@code INTEGER}: it has no date type, integers compare
 *       numerically (ISO text would compare as text and depend on its exact format) and index well.</li>
 * </ul>
 */
final class SqlText {

    /** The column naming the user a session is bound to, {@code __cloakroom.user} of its document. */
    static final String USER_KEY = "user_key";
    /** The longest user key stored as it is. */
    static final int USER_KEY_LENGTH = 255;

    final JdbcDialect dialect;
    final List<String> ddl;
    final String select;
    final String upsert;
    final String replace;
    final String touch;
    /**
     * PostgreSQL only, else null: a read that also moves a live row's expiry, in one statement. The
     * {@code found} CTE reads the row as it was (every CTE sees the statement's snapshot), the
     * {@code moved} one moves {@code expire} when it lies below the threshold (the new expiry, less
     * {@code touchAfter}), so a row is never shortened and a throttled read writes nothing. Returns
     * the document, the expiry before, and whether the row now lives at least until the new expiry.
     * Parameters: sid, now, new expiry, sid, now, threshold, new expiry.
     */
    final String readAndTouch;
    final String delete;
    final String prune;
    final String all;
    final String ids;
    final String count;
    final String clear;
    final String sessionsOf;
    /** The table and its {@code expire} index (on MySQL its {@code user_key} index too), unless they exist. */
    final List<String> create;
    /** Adds the {@code user_key} column to a table made without it (on MySQL its index too). */
    final String addUserKeyColumn;
    /** The {@code user_key} index unless it exists; null on MySQL, where the two statements above make it. */
    final String userKeyIndex;
    /**
     * A query whose first row tells whether the table has the {@code user_key} column, for the
     * dialects that cannot add a column only if it is missing (MySQL, SQLite); null for the others,
     * whose {@link #migration} can always run.
     */
    final String userKeyColumnProbe;

    SqlText(JdbcDialect dialect, TableName name) {
        this.dialect = dialect;
        String t = name.quoted(dialect);
        String sid = TableName.quote(dialect, "sid");
        String sess = TableName.quote(dialect, "sess");
        String expire = TableName.quote(dialect, "expire");
        String user = TableName.quote(dialect, USER_KEY);
        boolean pg = dialect == JdbcDialect.POSTGRESQL;
        String time = pg ? "to_timestamp(?)" : "?";
        String sessParam = pg ? "?::json" : "?";
        String sessRead = pg ? sess + "::text" : sess;
        String expireRead = pg ? expire + "::timestamptz" : expire;
        String live = expire + " > " + time;

        this.create = create(dialect, name);
        this.addUserKeyColumn = addUserKeyColumn(dialect, name);
        this.userKeyIndex = userKeyIndex(dialect, name);
        this.ddl = ddl(dialect, name);
        this.select = "SELECT " + sessRead + ", " + expireRead + " FROM " + t + " WHERE " + sid + " = ? AND " + live;
        this.upsert = switch (dialect) {
            case POSTGRESQL, SQLITE -> "INSERT INTO " + t + " (" + sid + ", " + sess + ", " + expire + ", " + user
                    + ") VALUES (?, " + sessParam + ", " + time + ", ?) ON CONFLICT (" + sid + ") DO UPDATE SET " + sess
                    + " = EXCLUDED." + sess + ", " + expire + " = EXCLUDED." + expire + ", " + user + " = EXCLUDED." + user;
            case MYSQL, MARIADB -> "INSERT INTO " + t + " (" + sid + ", " + sess + ", " + expire + ", " + user
                    + ") VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE " + sess + " = VALUES(" + sess + "), " + expire
                    + " = VALUES(" + expire + "), " + user + " = VALUES(" + user + ")";
            case H2 -> "MERGE INTO " + t + " (" + sid + ", " + sess + ", " + expire + ", " + user + ") KEY (" + sid
                    + ") VALUES (?, ?, ?, ?)";
        };
        // json has no equality operator, so PostgreSQL compares its text, which json keeps verbatim.
        // MySQL/MariaDB compare bytes: a case- or accent-insensitive collation would call two
        // different documents equal and lose an update.
        String sameDocument = switch (dialect) {
            case POSTGRESQL -> sess + "::text = ?";
            case MYSQL, MARIADB -> "CAST(" + sess + " AS BINARY) = CAST(? AS BINARY)";
            case H2, SQLITE -> sess + " = ?";
        };
        this.replace = "UPDATE " + t + " SET " + sess + " = " + sessParam + ", " + expire + " = " + time + ", " + user
                + " = ? WHERE " + sid + " = ? AND " + sameDocument + " AND " + live;
        this.touch = "UPDATE " + t + " SET " + expire + " = " + time + " WHERE " + sid + " = ? AND " + live;
        this.readAndTouch = !pg ? null : "WITH found AS (SELECT " + sessRead + " AS sess, " + expire + " AS expire FROM " + t
                + " WHERE " + sid + " = ? AND " + live + "), moved AS (UPDATE " + t + " SET " + expire + " = " + time
                + " WHERE " + sid + " = ? AND " + live + " AND " + expire + " < " + time + " RETURNING 1)"
                + " SELECT sess, expire::timestamptz, expire >= " + time + " OR EXISTS (SELECT 1 FROM moved) FROM found";
        this.delete = "DELETE FROM " + t + " WHERE " + sid + " = ?";
        this.prune = "DELETE FROM " + t + " WHERE " + expire + " <= " + time;
        this.all = "SELECT " + sid + ", " + sessRead + ", " + expireRead + " FROM " + t + " WHERE " + live;
        this.ids = "SELECT " + sid + " FROM " + t + " WHERE " + live;
        this.count = "SELECT COUNT(*) FROM " + t + " WHERE " + live;
        this.clear = "DELETE FROM " + t;
        // SQLite reads a double-quoted name that is no column as a string literal, so on a table
        // without user_key a bare "user_key" = ? would find nothing instead of failing; qualified, it fails.
        String userMatch = (dialect == JdbcDialect.SQLITE ? t + "." + user : user) + " = ?";
        this.sessionsOf = "SELECT " + sid + ", " + sessRead + ", " + expireRead + " FROM " + t + " WHERE " + userMatch + " AND " + live;
        this.userKeyColumnProbe = switch (dialect) {
            case MYSQL, MARIADB -> "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = "
                    + (name.schema() == null ? "DATABASE()" : "'" + name.schema() + "'") + " AND TABLE_NAME = '" + name.table()
                    + "' AND COLUMN_NAME = '" + USER_KEY + "'";
            case SQLITE -> "SELECT COUNT(*) FROM pragma_table_info('" + name.table() + "'"
                    + (name.schema() == null ? "" : ", '" + name.schema() + "'") + ") WHERE name = '" + USER_KEY + "'";
            case POSTGRESQL, H2 -> null;
        };
    }

    static List<String> ddl(JdbcDialect dialect, TableName name) {
        return withUserKeyIndex(create(dialect, name), userKeyIndex(dialect, name));
    }

    /**
     * Adds {@code user_key} and its index to a table made without them (by connect-pg-simple, or
     * by Cloakroom before the user index). PostgreSQL and H2 add the column only if it is missing,
     * so their statements can run again; MySQL and SQLite cannot, so they are run once.
     */
    static List<String> migration(JdbcDialect dialect, TableName name) {
        return withUserKeyIndex(List.of(addUserKeyColumn(dialect, name)), userKeyIndex(dialect, name));
    }

    private static List<String> withUserKeyIndex(List<String> statements, String userKeyIndex) {
        if (userKeyIndex == null) {
            return statements;
        }
        List<String> all = new java.util.ArrayList<>(statements);
        all.add(userKeyIndex);
        return List.copyOf(all);
    }

    private static List<String> create(JdbcDialect dialect, TableName name) {
        String t = name.quoted(dialect);
        String index = TableName.quote(dialect, name.indexName());
        String userIndex = TableName.quote(dialect, name.userIndexName());
        return switch (dialect) {
            // connect-pg-simple 10's table.sql, with IF NOT EXISTS, the key inline, and Cloakroom's user_key.
            case POSTGRESQL -> List.of(
                    "CREATE TABLE IF NOT EXISTS " + t + " (\"sid\" varchar NOT NULL COLLATE \"default\", \"sess\" json NOT NULL,"
                            + " \"expire\" timestamp(6) NOT NULL, " + userKeyColumn(dialect) + ", CONSTRAINT "
                            + TableName.quote(dialect, name.table() + "_pkey") + " PRIMARY KEY (\"sid\"))",
                    "CREATE INDEX IF NOT EXISTS " + index + " ON " + t + " (\"expire\")");
            // LONGTEXT, not JSON: MySQL's JSON type rewrites the text, which would break compare-and-set.
            case MYSQL, MARIADB -> List.of(
                    "CREATE TABLE IF NOT EXISTS " + t + " (`sid` VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,"
                            + " `sess` LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL, `expire` DATETIME(6) NOT NULL, "
                            + userKeyColumn(dialect) + ", PRIMARY KEY (`sid`), INDEX " + index + " (`expire`), INDEX " + userIndex
                            + " (`" + USER_KEY + "`))");
            case H2 -> List.of(
                    "CREATE TABLE IF NOT EXISTS " + t + " (\"sid\" VARCHAR(255) NOT NULL PRIMARY KEY, \"sess\" CLOB NOT NULL,"
                            + " \"expire\" TIMESTAMP(6) NOT NULL, " + userKeyColumn(dialect) + ")",
                    "CREATE INDEX IF NOT EXISTS " + qualified(dialect, name, index) + " ON " + t + " (\"expire\")");
            case SQLITE -> List.of(
                    "CREATE TABLE IF NOT EXISTS " + t + " (\"sid\" TEXT NOT NULL PRIMARY KEY, \"sess\" TEXT NOT NULL,"
                            + " \"expire\" INTEGER NOT NULL, " + userKeyColumn(dialect) + ")",
                    "CREATE INDEX IF NOT EXISTS " + qualified(dialect, name, index) + " ON "
                            + TableName.quote(dialect, name.table()) + " (\"expire\")");
        };
    }

    private static String addUserKeyColumn(JdbcDialect dialect, TableName name) {
        String t = name.quoted(dialect);
        return switch (dialect) {
            case POSTGRESQL, H2 -> "ALTER TABLE " + t + " ADD COLUMN IF NOT EXISTS " + userKeyColumn(dialect);
            case MYSQL, MARIADB -> "ALTER TABLE " + t + " ADD COLUMN " + userKeyColumn(dialect) + ", ADD INDEX "
                    + TableName.quote(dialect, name.userIndexName()) + " (`" + USER_KEY + "`)";
            case SQLITE -> "ALTER TABLE " + t + " ADD COLUMN " + userKeyColumn(dialect);
        };
    }

    /**
     * Nullable, so rows connect-pg-simple writes (which never name it) are unbound. 255 characters,
     * as {@code sid} on MySQL, so its index fits InnoDB's key limit; longer keys are stored as a
     * digest (see {@link Rows#userKeyColumn}). MySQL's {@code utf8mb4_bin} tells "Ada" from "ada" but
     * ignores trailing spaces, which {@code sessionsOf} then filters out.
     */
    private static String userKeyColumn(JdbcDialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> "\"" + USER_KEY + "\" varchar(" + USER_KEY_LENGTH + ") NULL";
            case MYSQL, MARIADB -> "`" + USER_KEY + "` VARCHAR(" + USER_KEY_LENGTH + ") CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL";
            case H2 -> "\"" + USER_KEY + "\" VARCHAR(" + USER_KEY_LENGTH + ") NULL";
            case SQLITE -> "\"" + USER_KEY + "\" TEXT NULL";
        };
    }

    private static String userKeyIndex(JdbcDialect dialect, TableName name) {
        if (dialect.isMySqlFamily()) {
            return null;
        }
        String index = TableName.quote(dialect, name.userIndexName());
        String on = dialect == JdbcDialect.SQLITE ? TableName.quote(dialect, name.table()) : name.quoted(dialect);
        String qualifiedIndex = dialect == JdbcDialect.POSTGRESQL ? index : qualified(dialect, name, index);
        return "CREATE INDEX IF NOT EXISTS " + qualifiedIndex + " ON " + on + " (\"" + USER_KEY + "\")";
    }

    /** H2 and SQLite name an index inside the table's schema; PostgreSQL and MySQL put it there by themselves. */
    private static String qualified(JdbcDialect dialect, TableName name, String quotedIndex) {
        return name.schema() == null ? quotedIndex : TableName.quote(dialect, name.schema()) + "." + quotedIndex;
    }

    void bindTime(PreparedStatement ps, int index, Instant instant) throws SQLException {
        switch (dialect) {
            case POSTGRESQL -> ps.setDouble(index, instant.toEpochMilli() / 1000.0);
            case SQLITE -> ps.setLong(index, instant.toEpochMilli());
            default -> ps.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    Instant readTime(ResultSet rs, int column) throws SQLException {
        return switch (dialect) {
            case POSTGRESQL -> rs.getObject(column, OffsetDateTime.class).toInstant();
            case SQLITE -> Instant.ofEpochMilli(rs.getLong(column));
            default -> rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
        };
    }
}
