package dev.cloakroom.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@link JdbcStore#createTable()}: the table and its indexes unless they exist, then the
 * {@code user_key} column and its index on a table made without them. DDL gets at least 30 s,
 * whatever the store's query timeout.
 */
final class TableCreation {

    private TableCreation() {
    }

    static void run(Database db) {
        db.run("createTable", (c, s) -> {
            for (String statement : s.create) {
                execute(db, c, statement);
            }
            return null;
        });
        db.run("createTable (user_key)", (c, s) -> {
            if (s.userKeyColumnProbe == null) {
                execute(db, c, s.addUserKeyColumn);
            } else if (!hasUserKeyColumn(db, c, s)) {
                try {
                    execute(db, c, s.addUserKeyColumn);
                } catch (SQLException e) {
                    if (!hasUserKeyColumn(db, c, s)) {
                        throw e;
                    } // another instance starting beside this one added it first
                }
            }
            if (s.userKeyIndex != null) {
                execute(db, c, s.userKeyIndex);
            }
            return null;
        });
    }

    private static void execute(Database db, Connection c, String statement) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.setQueryTimeout(Math.max(db.queryTimeoutSeconds, 30));
            st.execute(statement);
        }
    }

    private static boolean hasUserKeyColumn(Database db, Connection c, SqlText s) throws SQLException {
        try (PreparedStatement ps = db.prepare(c, s.userKeyColumnProbe); ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }
}
