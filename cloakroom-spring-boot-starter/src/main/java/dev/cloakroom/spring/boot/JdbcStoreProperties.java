package dev.cloakroom.spring.boot;

import java.time.Duration;

/** {@code cloakroom.jdbc.*}: the JDBC store used when {@code cloakroom.store=jdbc}, on the application's DataSource. */
public class JdbcStoreProperties {

    /** Table holding the sessions, optionally schema-qualified (schema.table); connect-pg-simple's default. */
    private String table = "session";

    /** Create the table and its expiry index at startup unless they exist. */
    private boolean createTable = false;

    /** How often expired rows are deleted; zero turns pruning off. */
    private Duration pruneInterval = Duration.ofMinutes(15);

    /** Query timeout of every session statement. */
    private Duration queryTimeout = Duration.ofSeconds(1);

    /** How long a session without an expiry of its own (a browser-session cookie) is kept. */
    private Duration defaultTtl = Duration.ofDays(1);

    /**
     * {@return {@code cloakroom.jdbc.table}} Table holding the sessions, optionally
     * schema-qualified (schema.table); connect-pg-simple's default.
     */
    public String getTable() {
        return table;
    }

    /**
     * Sets {@code cloakroom.jdbc.table}; see {@link #getTable()}.
     *
     * @param table the value
     */
    public void setTable(String table) {
        this.table = table;
    }

    /**
     * {@return {@code cloakroom.jdbc.create-table}} Create the table and its expiry index at
     * startup unless they exist.
     */
    public boolean isCreateTable() {
        return createTable;
    }

    /**
     * Sets {@code cloakroom.jdbc.create-table}; see {@link #isCreateTable()}.
     *
     * @param createTable the value
     */
    public void setCreateTable(boolean createTable) {
        this.createTable = createTable;
    }

    /**
     * {@return {@code cloakroom.jdbc.prune-interval}} How often expired rows are deleted; zero
     * turns pruning off.
     */
    public Duration getPruneInterval() {
        return pruneInterval;
    }

    /**
     * Sets {@code cloakroom.jdbc.prune-interval}; see {@link #getPruneInterval()}.
     *
     * @param pruneInterval the value
     */
    public void setPruneInterval(Duration pruneInterval) {
        this.pruneInterval = pruneInterval;
    }

    /**
     * {@return {@code cloakroom.jdbc.query-timeout}} Query timeout of every session statement.
     */
    public Duration getQueryTimeout() {
        return queryTimeout;
    }

    /**
     * Sets {@code cloakroom.jdbc.query-timeout}; see {@link #getQueryTimeout()}.
     *
     * @param queryTimeout the value
     */
    public void setQueryTimeout(Duration queryTimeout) {
        this.queryTimeout = queryTimeout;
    }

    /**
     * {@return {@code cloakroom.jdbc.default-ttl}} How long a session without an expiry of its own
     * (a browser-session cookie) is kept.
     */
    public Duration getDefaultTtl() {
        return defaultTtl;
    }

    /**
     * Sets {@code cloakroom.jdbc.default-ttl}; see {@link #getDefaultTtl()}.
     *
     * @param defaultTtl the value
     */
    public void setDefaultTtl(Duration defaultTtl) {
        this.defaultTtl = defaultTtl;
    }
}
