package dev.cloakroom.sample;

import dev.cloakroom.SessionStore;
import dev.cloakroom.jdbc.JdbcStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** The shop on PostgreSQL through Spring Boot's DataSource (HikariCP), in connect-pg-simple's table. */
class PostgresStoreShopTest extends ShopScenarios {

    private static TestPostgres postgres;
    private static ShopServer server;

    @BeforeAll
    static void start() throws IOException {
        postgres = TestPostgres.start();
        server = startInstance();
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            postgres.close();
        }
    }

    private static ShopServer startInstance() {
        return ShopServer.start("--spring.profiles.active=postgres", "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=", "--spring.datasource.password=");
    }

    @Override
    ShopServer server() {
        return server;
    }

    @Test
    void theStoreIsTheApplicationsDataSourceAndHoldsTheLogin() throws SQLException {
        assertThat(server.context().getBean(SessionStore.class)).isInstanceOf(JdbcStore.class);
        Browser browser = server.browser();
        browser.login("alice", ShopServer.ALICE_PASSWORD, false);
        String sid = Browser.sessionId(browser.cookie(Browser.SESSION_COOKIE));
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl());
             PreparedStatement ps = c.prepareStatement("SELECT sess::text FROM session WHERE sid = ?")) {
            ps.setString(1, sid);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("a row for the session").isTrue();
                assertThat(rs.getString(1)).contains("SPRING_SECURITY_CONTEXT");
            }
        }
    }

    @Test
    void theLoginAndTheCartSurviveARestart() {
        Browser browser;
        try (ShopServer first = startInstance()) {
            browser = first.browser();
            browser.login("bob", "bob-pw", false);
            addToCart(browser, "lime", 3);
        }
        try (ShopServer second = startInstance()) {
            browser.at(second.base());
            assertLoggedIn(browser, "bob");
            assertThat(browser.get("/cart").body()).contains("<li class=\"item\">3 × lime</li>");
        }
    }
}
