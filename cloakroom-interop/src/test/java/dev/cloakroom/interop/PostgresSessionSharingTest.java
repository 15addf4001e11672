package dev.cloakroom.interop;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4's second round: the demo ({@code --store jdbc:postgresql://...}) and the Express app on
 * connect-pg-simple 10 share connect-pg-simple's {@code session} table.
 */
class PostgresSessionSharingTest extends SharedSessionSuite<TestPostgres> {

    // InteropStack starts Java first: the demo creates the table (connect-pg-simple's DDL) before Node looks for it.
    PostgresSessionSharingTest() {
        super(TestPostgres::start, InteropStack.Settings.shared());
    }

    @AfterEach
    void nodeLoggedNoError() {
        assertThat(stack.nodeApp().errors()).as("errors in the Express app's output").isEmpty();
    }

    private record Row(JsonNode sess, Instant expire) {
    }

    /** The row for the browser's session, or null; {@code expire} read as UTC, as both sides write it here. */
    private Row row(Browser browser) {
        try (Connection c = store.connect();
             PreparedStatement ps = c.prepareStatement(
                     "select sess::text, extract(epoch from expire at time zone current_setting('TimeZone'))"
                             + " from session where sid = ?")) {
            ps.setString(1, browser.sessionId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long millis = rs.getBigDecimal(2).movePointRight(3).longValue();
                return new Row(Wire.json(rs.getString(1)), Instant.ofEpochMilli(millis));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Nested
    class WhenAUserLogsInOnJava {

        @Test
        void nodeSeesReqSessionUser() {
            Browser browser = stack.browser();
            assertThat(browser.login(stack.java(), "admin", "secret").statusCode()).isEqualTo(302);

            HttpResponse<String> whoami = browser.get(stack.node(), "/node/whoami");

            assertThat(Wire.json(whoami.body())).isEqualTo(Wire.json("{\"username\":\"admin\",\"role\":\"admin\"}"));
        }
    }

    @Nested
    class WhenNodeWrites {

        @Test
        void javaSeesUsernameAndVisitsAndNodeSeesJavasWrite() {
            Browser browser = stack.browser();
            browser.get(stack.node(), "/node/set-session");
            browser.get(stack.node(), "/node/set-session");

            assertThat(browser.get(stack.java(), "/get-session").body())
                    .isEqualTo("Welcome back, john! You've visited 2 times.");
            browser.get(stack.java(), "/set-session");
            assertThat(Wire.json(browser.get(stack.node(), "/node/get-session").body()))
                    .isEqualTo(Wire.json("{\"username\":\"john\",\"visits\":3}"));
        }

        @Test
        void javaWritesTheRowBackWithEveryNodeFieldAndAnExpireColumnMatchingTheCookie() {
            Browser browser = stack.browser();
            browser.get(stack.node(), "/node/set-session");
            browser.putJson(stack.node(), "/node/attr/cart", "{\"items\":[{\"sku\":\"A-1\",\"qty\":2,\"price\":9.99}],\"coupon\":null}");
            Row fromNode = row(browser);

            browser.get(stack.java(), "/set-session");
            Row fromJava = row(browser);

            ObjectNode expected = (ObjectNode) Wire.withoutExpiry(fromNode.sess());
            expected.put("visits", 2);
            assertThat(Wire.withoutExpiry(fromJava.sess())).isEqualTo(expected);
            // connect-pg-simple rounds the expire column up to a whole second; either way it is cookie.expires.
            for (Row row : new Row[] {fromNode, fromJava}) {
                Instant cookieExpires = Instant.parse(row.sess().path("cookie").path("expires").asText());
                assertThat(Duration.between(cookieExpires, row.expire()).abs()).isLessThanOrEqualTo(Duration.ofSeconds(1));
            }
            HttpResponse<String> raw = browser.get(stack.node(), "/node/raw");
            assertThat(raw.statusCode()).isEqualTo(200);
            assertThat(Wire.withoutExpiry(Wire.json(raw.body()))).isEqualTo(Wire.withoutExpiry(fromJava.sess()));
        }
    }

    @Nested
    class WhenOneSideDestroys {

        @Test
        void aJavaLogoutEndsTheSessionOnNode() {
            Browser browser = stack.browser();
            browser.login(stack.java(), "admin", "secret");
            String cookie = browser.cookie();
            browser.get(stack.java(), "/logout");

            browser.cookie(cookie);
            assertThat(row(browser)).isNull();
            assertThat(browser.get(stack.node(), "/node/whoami").body()).isEqualTo("null");
        }

        @Test
        void aNodeDestroyEndsTheSessionOnJava() {
            Browser browser = stack.browser();
            browser.login(stack.java(), "admin", "secret");
            String cookie = browser.cookie();
            browser.get(stack.node(), "/node/destroy");

            browser.cookie(cookie);
            assertThat(row(browser)).isNull();
            assertThat(browser.get(stack.java(), "/dashboard").statusCode()).isEqualTo(302);
        }
    }
}
