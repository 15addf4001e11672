package dev.cloakroom.jdbc;

import dev.cloakroom.StoredSession;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README promises each statement a 1 s query timeout unless {@code .queryTimeout(...)} says
 * otherwise. The driver is where that timeout takes effect, so the test watches what the store
 * hands the driver: the timeout each statement carries when it is executed.
 */
class JdbcQueryTimeoutTest {

    /** The query timeout, in seconds, of every statement executed, in order. */
    private final List<Integer> executedWith = new CopyOnWriteArrayList<>();
    private DataSource watched;

    @BeforeEach
    void createTheTable() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:timeout-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = h2.getConnection(); Statement st = c.createStatement()) {
            for (String ddl : JdbcStore.ddl(JdbcDialect.H2, "session").split(";\n")) {
                st.execute(ddl);
            }
        }
        watched = proxy(DataSource.class, h2, (target, method, args) -> {
            Object result = method.invoke(target, args);
            return method.getName().equals("getConnection") ? watch((Connection) result) : result;
        });
    }

    private Connection watch(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            Object result = method.invoke(target, args);
            if (result instanceof PreparedStatement ps) {
                return watch(PreparedStatement.class, ps);
            }
            if (result instanceof Statement st) {
                return watch(Statement.class, st);
            }
            return result;
        });
    }

    private <S extends Statement> S watch(Class<S> type, S statement) {
        return proxy(type, statement, (target, method, args) -> {
            if (method.getName().startsWith("execute")) {
                executedWith.add(target.getQueryTimeout());
            }
            return method.invoke(target, args);
        });
    }

    private interface Handler<T> {
        Object handle(T target, java.lang.reflect.Method method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
        InvocationHandler h = (p, method, args) -> {
            try {
                return handler.handle(target, method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(JdbcQueryTimeoutTest.class.getClassLoader(), new Class<?>[] {type}, h));
    }

    private static StoredSession session(String user) {
        Instant expires = Instant.now().plusSeconds(600);
        return new StoredSession("{\"cookie\":{\"originalMaxAge\":600000,\"expires\":\"" + expires
                + "\",\"httpOnly\":true,\"path\":\"/\"},\"user\":\"" + user + "\"}", expires);
    }

    @Test
    void everyStatementOfEveryOperationCarriesOneSecondByDefault() {
        try (JdbcStore store = JdbcStore.builder(watched).dialect(JdbcDialect.H2).pruneInterval(Duration.ZERO).build()) {
            StoredSession first = session("ada");
            store.set("s1", first);
            store.get("s1");
            store.replace("s1", first.json(), session("grace"));
            store.touch("s1", session("grace"));
            store.ids();
            store.prune();
            store.destroy("s1");
        }
        assertThat(executedWith).as("statements executed").hasSizeGreaterThanOrEqualTo(7).containsOnly(1);
    }

    @Test
    void aConfiguredTimeoutReplacesIt() {
        try (JdbcStore store = JdbcStore.builder(watched).dialect(JdbcDialect.H2).pruneInterval(Duration.ZERO)
                .queryTimeout(Duration.ofSeconds(7)).build()) {
            store.set("s1", session("ada"));
            store.get("s1");
        }
        assertThat(executedWith).isNotEmpty().containsOnly(7);
    }
}
