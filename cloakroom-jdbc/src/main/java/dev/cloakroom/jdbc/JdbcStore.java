package dev.cloakroom.jdbc;

import dev.cloakroom.EnumerableSessionStore;
import dev.cloakroom.SessionStoreException;
import dev.cloakroom.StoredSession;
import dev.cloakroom.UserIndexedSessionStore;
import dev.cloakroom.SweepingSessionStore;
import dev.cloakroom.TouchedSession;
import dev.cloakroom.internal.ExpiryReceivers;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Sessions in one SQL table, reached through a {@link DataSource} the application supplies (a
 * pool such as HikariCP in production; the store needs nothing but JDBC). On PostgreSQL the table
 * is connect-pg-simple's, so Node and Java apps can share it; other databases get the closest
 * types, see {@link #ddl(JdbcDialect, String)}.
 *
 * <ul>
 *   <li>Reads ignore expired rows; a background task deletes them every {@code pruneInterval}.</li>
 *   <li>{@link #replace} is one conditional {@code UPDATE}, so concurrent saves never lose updates.</li>
 *   <li>{@link #touch} moves only the {@code expire} column and never revives an expired row.</li>
 *   <li>Every write also sets the row's {@code user_key} column from the document's bound user
 *       ({@link StoredSession#boundUser()}), in the same statement, so {@link #sessionsOf} finds a
 *       user's sessions by an index, and an entry lives and dies with its row.</li>
 *   <li>Every statement has a query timeout; every failure is a {@link SessionStoreException}
 *       whose message and cause never carry a session id or session data.</li>
 * </ul>
 * {@link #close()} stops the pruning task; the DataSource stays the application's to close.
 *
 * <p>As a {@link SweepingSessionStore} it tells session listeners how many expired rows each prune
 * deleted; one {@code DELETE} cannot name them, so they are counted, not named.
 */
public final class JdbcStore implements EnumerableSessionStore, UserIndexedSessionStore, SweepingSessionStore,
        AutoCloseable {

    private final TableName table;
    private final Duration defaultTtl;
    private final Database db;
    private final Pruner pruner;
    private final ExpiryReceivers expiryReceivers = new ExpiryReceivers();

    private JdbcStore(Builder b) {
        this.table = b.tableName;
        this.defaultTtl = b.defaultTtl;
        int timeoutSeconds = (int) Math.min(Integer.MAX_VALUE, b.queryTimeout.plusNanos(999_999_999L).getSeconds());
        this.db = new Database(b.dataSource, table, b.dialect, timeoutSeconds);
        if (b.createTableIfMissing) {
            createTable();
        }
        this.pruner = b.pruneInterval.isZero() ? null : new Pruner(this, b.pruneInterval);
    }

    /**
     * {@return a builder for a store on {@code dataSource}; the table is {@code session} unless set}
     *
     * @param dataSource the application's pool, which the store never closes
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * The statements that create the table and its {@code expire} and {@code user_key} indexes for
     * {@code dialect}, each ending with a semicolon and a newline, for migrations or the README.
     *
     * @param dialect the database
     * @param table   the table, optionally {@code schema.table}
     * @return the statements
     * @throws IllegalArgumentException for a malformed table name
     */
    public static String ddl(JdbcDialect dialect, String table) {
        if (dialect == null) {
            throw new IllegalArgumentException("dialect must not be null");
        }
        return terminated(SqlText.ddl(dialect, TableName.parse(table)));
    }

    /**
     * The statements that add the nullable {@code user_key} column and its index to a table created
     * without them: connect-pg-simple's own table, or one made by Cloakroom before the user index.
     * {@link Builder#createTableIfMissing(boolean) createTableIfMissing(true)} runs them when the
     * column is missing. On PostgreSQL and H2 they add the column only if it is missing; on MySQL,
     * MariaDB and SQLite run them once. Each ends with a semicolon and a newline.
     *
     * @param dialect the database
     * @param table   the table, optionally {@code schema.table}
     * @return the statements
     * @throws IllegalArgumentException for a malformed table name
     */
    public static String migrationDdl(JdbcDialect dialect, String table) {
        if (dialect == null) {
            throw new IllegalArgumentException("dialect must not be null");
        }
        return terminated(SqlText.migration(dialect, TableName.parse(table)));
    }

    private static String terminated(java.util.List<String> statements) {
        return String.join("", statements.stream().map(s -> s + ";\n").toList());
    }

    /** {@return this store's DDL (its dialect, detected if need be, and table)} */
    public String ddl() {
        return ddl(db.sql().dialect, table.toString());
    }

    /** {@return the dialect in use, detected from the database if the builder was not given one} */
    public JdbcDialect dialect() {
        return db.sql().dialect;
    }

    /**
     * Creates the table and indexes unless they exist (the statements of {@link #ddl()}), and adds
     * the {@code user_key} column and its index to a table that lacks them (those of
     * {@link #migrationDdl(JdbcDialect, String)}).
     */
    public void createTable() {
        TableCreation.run(db);
    }

    @Override
    public Optional<StoredSession> get(String id) {
        if (!Rows.storable(id)) {
            return Optional.empty();
        }
        return db.run("get", (c, s) -> {
            try (PreparedStatement ps = db.prepare(c, s.select)) {
                ps.setString(1, id);
                s.bindTime(ps, 2, Instant.now());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(Rows.stored(rs.getString(1), s.readTime(rs, 2))) : Optional.<StoredSession>empty();
                }
            }
        });
    }

    /**
     * On PostgreSQL one statement reads the row and moves its expiry (see the README's store
     * section); on the other databases the default, a plain read whose touch core sends at the end
     * of the request.
     */
    @Override
    public Optional<TouchedSession> getAndTouch(String id, Instant touchTo, Duration touchAfter) {
        if (db.sql().readAndTouch == null || !Rows.storable(id)) {
            return get(id).map(TouchedSession::untouched);
        }
        Instant now = Instant.now();
        Instant to = touchTo != null ? touchTo : now.plus(defaultTtl);
        return db.run("getAndTouch", (c, s) -> {
            try (PreparedStatement ps = db.prepare(c, s.readAndTouch)) {
                Rows.bindReadAndTouch(ps, s, id, now, to, touchAfter.isZero() ? to : to.minus(touchAfter));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new TouchedSession(Rows.stored(rs.getString(1), s.readTime(rs, 2)),
                            rs.getBoolean(3))) : Optional.<TouchedSession>empty();
                }
            }
        });
    }

    /** Upserts the row; a session whose expiry has already passed is deleted instead. */
    @Override
    public void set(String id, StoredSession session) {
        if (!Rows.storable(id)) {
            throw new SessionStoreException("JdbcStore cannot store a session id holding NUL or an unpaired surrogate");
        }
        Instant now = Instant.now();
        if (session.isExpiredAt(now)) {
            destroy(id);
            return;
        }
        db.run("set", (c, s) -> {
            try (PreparedStatement ps = db.prepare(c, s.upsert)) {
                ps.setString(1, id);
                ps.setString(2, session.json());
                s.bindTime(ps, 3, expiry(session, now));
                ps.setString(4, userKeyColumn(session));
                return ps.executeUpdate();
            }
        });
    }

    /** One conditional UPDATE: the row changes only if it is live and its text is exactly {@code expectedJson}. */
    @Override
    public boolean replace(String id, String expectedJson, StoredSession session) {
        if (!Rows.storable(id)) {
            return false;
        }
        Instant now = Instant.now();
        return db.run("replace", (c, s) -> {
            try (PreparedStatement ps = db.prepare(c, s.replace)) {
                ps.setString(1, session.json());
                s.bindTime(ps, 2, expiry(session, now));
                ps.setString(3, userKeyColumn(session));
                ps.setString(4, id);
                ps.setString(5, expectedJson);
                s.bindTime(ps, 6, now);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Moves the {@code expire} column of a live row; the document is not written, a missing row stays missing. */
    @Override
    public void touch(String id, StoredSession session) {
        if (!Rows.storable(id)) {
            return;
        }
        Instant now = Instant.now();
        db.run("touch", (c, s) -> {
            try (PreparedStatement ps = db.prepare(c, s.touch)) {
                s.bindTime(ps, 1, expiry(session, now));
                ps.setString(2, id);
                s.bindTime(ps, 3, now);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void destroy(String id) {
        if (!Rows.storable(id)) {
            return;
        }
        db.run("destroy", (c, s) -> {
            try (PreparedStatement ps = db.prepare(c, s.delete)) {
                ps.setString(1, id);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * One indexed query on {@code user_key} among live rows. Only rows whose document names exactly
     * {@code userKey} are returned: the column narrows the search, and a case- or
     * space-insensitive comparison (MySQL's PAD SPACE) or a digest of a long key never matches
     * another user's session.
     */
    @Override
    public Map<String, StoredSession> sessionsOf(String userKey) {
        Objects.requireNonNull(userKey, "userKey");
        if (userKey.isEmpty()) {
            return Map.of();
        }
        return db.run("sessionsOf", (c, s) -> {
            Map<String, StoredSession> live = new LinkedHashMap<>();
            try (PreparedStatement ps = db.prepare(c, s.sessionsOf)) {
                ps.setString(1, Rows.userKeyColumn(userKey));
                s.bindTime(ps, 2, Instant.now());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StoredSession session = Rows.stored(rs.getString(2), s.readTime(rs, 3));
                        if (session.boundUser().filter(userKey::equals).isPresent()) {
                            live.put(rs.getString(1), session);
                        }
                    }
                }
            }
            return live;
        });
    }

    @Override
    public Map<String, StoredSession> all() {
        return db.run("all", (c, s) -> {
            Map<String, StoredSession> live = new LinkedHashMap<>();
            try (PreparedStatement ps = db.prepare(c, s.all)) {
                s.bindTime(ps, 1, Instant.now());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        live.put(rs.getString(1), Rows.stored(rs.getString(2), s.readTime(rs, 3)));
                    }
                }
            }
            return live;
        });
    }

    @Override
    public Set<String> ids() {
        return db.run("ids", (c, s) -> {
            Set<String> ids = new LinkedHashSet<>();
            try (PreparedStatement ps = db.prepare(c, s.ids)) {
                s.bindTime(ps, 1, Instant.now());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        });
    }

    @Override
    public long length() {
        return db.run("length", (c, s) -> {
            try (PreparedStatement ps = db.prepare(c, s.count)) {
                s.bindTime(ps, 1, Instant.now());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Deletes every row, live or expired. */
    @Override
    public void clear() {
        db.run("clear", (c, s) -> {
            try (PreparedStatement ps = db.prepare(c, s.clear)) {
                return ps.executeUpdate();
            }
        });
    }

    /** How often the pruner runs, {@link Duration#ZERO} when it is off; for tests of the default. */
    Duration pruneInterval() {
        return pruner == null ? Duration.ZERO : pruner.interval();
    }

    /**
     * Deletes every expired row now; the pruning task calls this.
     *
     * @return how many rows went
     */
    public int prune() {
        int removed = db.run("prune", (c, s) -> {
            try (PreparedStatement ps = db.prepare(c, s.prune)) {
                s.bindTime(ps, 1, Instant.now());
                return ps.executeUpdate();
            }
        });
        expiryReceivers.pruned(removed);
        return removed;
    }

    @Override
    public void onExpiry(ExpiryReceiver receiver) {
        expiryReceivers.add(receiver);
    }

    /** Stops the pruning task. The DataSource is not closed. */
    @Override
    public void close() {
        if (pruner != null) {
            pruner.stop();
        }
    }

    TableName table() {
        return table;
    }

    /** {@code null}, an unbound row, for a document bound to no one. */
    private static String userKeyColumn(StoredSession session) {
        return session.boundUser().map(Rows::userKeyColumn).orElse(null);
    }

    private Instant expiry(StoredSession session, Instant now) {
        return session.expires() != null ? session.expires() : now.plus(defaultTtl);
    }

    /** Options for a {@link JdbcStore}; {@link #build()} fails fast with an IllegalArgumentException naming the option. */
    public static final class Builder {
        private final DataSource dataSource;
        private String table = "session";
        private TableName tableName;
        private JdbcDialect dialect;
        private boolean createTableIfMissing;
        private Duration pruneInterval = Duration.ofMinutes(15);
        private Duration queryTimeout = Duration.ofSeconds(1);
        private Duration defaultTtl = Duration.ofDays(1);

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * The table, optionally {@code schema.table}; default {@code session}, connect-pg-simple's. Used
         * quoted, so case-sensitive.
         *
         * @param table the table name
         * @return this builder
         */
        public Builder table(String table) {
            this.table = table;
            return this;
        }

        /**
         * The SQL dialect; by default it is detected from the database's metadata on first use.
         *
         * @param dialect the database, or {@code null} to detect it
         * @return this builder
         */
        public Builder dialect(JdbcDialect dialect) {
            this.dialect = dialect;
            return this;
        }

        /**
         * Whether {@link #build()} creates the table and its indexes when they are missing, and adds the
         * {@code user_key} column to a table without it (see {@link JdbcStore#migrationDdl}); default false.
         *
         * @param createTableIfMissing whether to create them
         * @return this builder
         */
        public Builder createTableIfMissing(boolean createTableIfMissing) {
            this.createTableIfMissing = createTableIfMissing;
            return this;
        }

        /**
         * How often a daemon task deletes expired rows; default 15 minutes, {@link Duration#ZERO} turns it off.
         *
         * @param pruneInterval at least one millisecond, or zero
         * @return this builder
         */
        public Builder pruneInterval(Duration pruneInterval) {
            this.pruneInterval = pruneInterval;
            return this;
        }

        /**
         * The limit on each statement, rounded up to whole seconds as JDBC wants; default 1 s,
         * {@link Duration#ZERO} for none. Getting a connection is bounded by the pool (HikariCP's
         * {@code connectionTimeout}), not by this. On SQLite the driver uses it as the busy timeout.
         *
         * @param queryTimeout zero or positive
         * @return this builder
         */
        public Builder queryTimeout(Duration queryTimeout) {
            this.queryTimeout = queryTimeout;
            return this;
        }

        /**
         * How long a session without an expiry (a browser-session cookie) is kept after a save or touch;
         * default one day.
         *
         * @param defaultTtl positive
         * @return this builder
         */
        public Builder defaultTtl(Duration defaultTtl) {
            this.defaultTtl = defaultTtl;
            return this;
        }

        /**
         * Checks the options and builds the store, creating the table first if asked to.
         *
         * @return the store, its pruning task started unless turned off
         * @throws IllegalArgumentException      naming the option, for a missing data source, a malformed
         *                                       table name or a setting out of range
         * @throws dev.cloakroom.SessionStoreException when the table is to be created and cannot be
         */
        public JdbcStore build() {
            if (dataSource == null) {
                throw new IllegalArgumentException("dataSource must not be null");
            }
            tableName = TableName.parse(table);
            if (pruneInterval == null || pruneInterval.isNegative() || (!pruneInterval.isZero() && pruneInterval.toMillis() < 1)) {
                throw new IllegalArgumentException("pruneInterval must be at least one millisecond, or zero to turn pruning off");
            }
            if (queryTimeout == null || queryTimeout.isNegative()) {
                throw new IllegalArgumentException("queryTimeout must be zero (no limit) or positive");
            }
            if (defaultTtl == null || defaultTtl.isZero() || defaultTtl.isNegative()) {
                throw new IllegalArgumentException("defaultTtl must be positive");
            }
            return new JdbcStore(this);
        }
    }
}
