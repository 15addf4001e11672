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

    public String getTable() {
        return table;
    }

    public void setTable(String table) {
        this.table = table;
    }

    public boolean isCreateTable() {
        return createTable;
    }

    public void setCreateTable(boolean createTable) {
        this.createTable = createTable;
    }

    public Duration getPruneInterval() {
        return pruneInterval;
    }

    public void setPruneInterval(Duration pruneInterval) {
        this.pruneInterval = pruneInterval;
    }

    public Duration getQueryTimeout() {
        return queryTimeout;
    }

    public void setQueryTimeout(Duration queryTimeout) {
        this.queryTimeout = queryTimeout;
    }

    public Duration getDefaultTtl() {
        return defaultTtl;
    }

    public void setDefaultTtl(Duration defaultTtl) {
        this.defaultTtl = defaultTtl;
    }
}
