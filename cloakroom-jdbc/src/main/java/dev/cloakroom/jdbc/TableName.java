package dev.cloakroom.jdbc;

import java.util.regex.Pattern;

/**
 * A table name, optionally schema-qualified, checked so it can be pasted into SQL. It is always
 * quoted, so it is case-sensitive, exactly as connect-pg-simple uses its {@code tableName}.
 */
record TableName(String schema, String table) {

    /** Short enough that {@code IDX_<table>_user_key} fits PostgreSQL's 63-character identifiers. */
    private static final Pattern PART = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,47}");

    static TableName parse(String name) {
        if (name == null) {
            throw new IllegalArgumentException("table must not be null");
        }
        String[] parts = name.split("\\.", -1);
        if (parts.length > 2 || !PART.matcher(parts[parts.length - 1]).matches()
                || (parts.length == 2 && !PART.matcher(parts[0]).matches())) {
            throw new IllegalArgumentException("table must be an SQL identifier or schema.identifier (letters, digits and"
                    + " underscores, not starting with a digit, at most 48 characters each), got '" + name + "'");
        }
        return parts.length == 2 ? new TableName(parts[0], parts[1]) : new TableName(null, parts[0]);
    }

    String quoted(JdbcDialect dialect) {
        return schema == null ? quote(dialect, table) : quote(dialect, schema) + "." + quote(dialect, table);
    }

    String indexName() {
        return "IDX_" + table + "_expire";
    }

    String userIndexName() {
        return "IDX_" + table + "_user_key";
    }

    static String quote(JdbcDialect dialect, String identifier) {
        return dialect.isMySqlFamily() ? "`" + identifier + "`" : "\"" + identifier + "\"";
    }

    @Override
    public String toString() {
        return schema == null ? table : schema + "." + table;
    }
}
