package dev.cloakroom.jdbc;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * A real pool whose connections record every statement they execute (the SQL's first word), so a
 * test can count the store's round trips to the database. Only executions count: preparing,
 * metadata and commits are left out, and each is at most one more message on a connection the
 * pool already holds.
 */
final class CountingDataSource extends ForwardingDataSource {

    private final List<String> executed = new CopyOnWriteArrayList<>();

    CountingDataSource(DataSource pool) {
        super(pool);
    }

    /** The statements executed so far, each by its first word ({@code SELECT}, {@code WITH}, {@code UPDATE}...). */
    List<String> executed() {
        return List.copyOf(executed);
    }

    void reset() {
        executed.clear();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return counting(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return counting(target.getConnection(username, password));
    }

    private Connection counting(Connection c) {
        return proxy(Connection.class, c, (method, args, result) -> {
            if (method.equals("prepareStatement") && result instanceof PreparedStatement ps) {
                String sql = (String) args[0];
                return proxy(PreparedStatement.class, ps, (m, a, r) -> {
                    if (m.startsWith("execute")) {
                        executed.add(firstWord(sql));
                    }
                    return r;
                });
            }
            if (method.equals("createStatement") && result instanceof Statement st) {
                return proxy(Statement.class, st, (m, a, r) -> {
                    if (m.startsWith("execute") && a != null && a.length > 0 && a[0] instanceof String sql) {
                        executed.add(firstWord(sql));
                    }
                    return r;
                });
            }
            return result;
        });
    }

    private static String firstWord(String sql) {
        String trimmed = sql.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    private interface After {
        Object apply(String method, Object[] args, Object result);
    }

    /** Calls through to {@code target}, then lets {@code after} see (and wrap) the result. */
    private static <T> T proxy(Class<T> type, T target, After after) {
        InvocationHandler handler = (p, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return after.apply(method.getName(), args, result);
        };
        return type.cast(Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler));
    }







}
