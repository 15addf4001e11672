package dev.cloakroom.interop;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored form: what one app writes under {@code sess:<id>}, the other reads and writes back,
 * and the first reads again, with every field intact and nothing added that it does not know.
 */
class RedisStoredDocumentTest extends SharedSessionSuite<TestRedis> {

    /** Attribute shapes a Node app keeps in its sessions: nesting, nulls, floats, big integers, non-ASCII text. */
    private static final List<String[]> NODE_ATTRIBUTES = List.of(
            new String[] {"cart", "{\"items\":[{\"sku\":\"A-1\",\"qty\":2,\"price\":9.99}],\"coupon\":null}"},
            new String[] {"greeting", "\"h\\u00e9llo \\u2603 \\\"quoted\\\" <b>&amp;\""},
            new String[] {"flags", "{\"beta\":true,\"count\":0,\"ratio\":-0.5}"},
            new String[] {"big", "9007199254740991"},
            new String[] {"nested", "[[1,2],[],[{\"a\":null}]]"},
            new String[] {"flash", "{\"info\":[\"Saved.\"]}"});

    RedisStoredDocumentTest() {
        super(TestRedis::start, InteropStack.Settings.shared());
    }

    @AfterEach
    void nodeLoggedNoError() {
        assertThat(stack.nodeApp().errors()).as("errors in the Express app's output").isEmpty();
    }

    private JsonNode stored(Browser browser) {
        String raw = store.raw().get("sess:" + browser.sessionId());
        assertThat(raw).as("stored document").isNotNull();
        return Wire.json(raw);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        names.addAll(node.propertyNames());
        return names;
    }

    @Nested
    class WhenJavaWritesBackADocumentNodeWrote {

        private Browser nodeSessionRewrittenByJava(List<JsonNode> before, List<JsonNode> after) {
            Browser browser = stack.browser();
            browser.get(stack.node(), "/node/set-session");
            for (String[] attribute : NODE_ATTRIBUTES) {
                assertThat(browser.putJson(stack.node(), "/node/attr/" + attribute[0], attribute[1]).statusCode())
                        .isEqualTo(200);
            }
            before.add(stored(browser));
            assertThat(browser.get(stack.java(), "/set-session").statusCode()).isEqualTo(200);
            after.add(stored(browser));
            return browser;
        }

        @Test
        void keepsEveryNodeFieldAndChangesOnlyVisitsAndTheExpiry() {
            List<JsonNode> before = new ArrayList<>();
            List<JsonNode> after = new ArrayList<>();
            nodeSessionRewrittenByJava(before, after);

            ObjectNode expected = (ObjectNode) Wire.withoutExpiry(before.get(0));
            expected.put("visits", 2);
            assertThat(Wire.withoutExpiry(after.get(0))).isEqualTo(expected);
            assertThat(after.get(0).path("greeting").asText()).isEqualTo("h\u00e9llo \u2603 \"quoted\" <b>&amp;");
            assertThat(after.get(0).path("big").asLong()).isEqualTo(9007199254740991L);
        }

        @Test
        void addsNoFieldNodeDoesNotKnowAtTheTopOrInTheCookie() {
            List<JsonNode> before = new ArrayList<>();
            List<JsonNode> after = new ArrayList<>();
            nodeSessionRewrittenByJava(before, after);

            assertThat(fieldNames(after.get(0))).containsExactlyInAnyOrderElementsOf(fieldNames(before.get(0)));
            assertThat(fieldNames(after.get(0).get("cookie")))
                    .containsExactlyInAnyOrderElementsOf(fieldNames(before.get(0).get("cookie")));
            assertThat(after.get(0).get("cookie").get("expires").isTextual()).isTrue();
        }

        @Test
        void nodeReadsItAgainWithoutErrorsAndSeesJavasChange() {
            List<JsonNode> before = new ArrayList<>();
            List<JsonNode> after = new ArrayList<>();
            Browser browser = nodeSessionRewrittenByJava(before, after);

            HttpResponse<String> raw = browser.get(stack.node(), "/node/raw");

            assertThat(raw.statusCode()).isEqualTo(200);
            assertThat(Wire.withoutExpiry(Wire.json(raw.body()))).isEqualTo(Wire.withoutExpiry(after.get(0)));
            assertThat(browser.get(stack.node(), "/node/set-session").statusCode()).isEqualTo(200);
            assertThat(stored(browser).path("visits").asInt()).isEqualTo(3);
            assertThat(Wire.withoutExpiry(stored(browser)).path("cart")).isEqualTo(before.get(0).path("cart"));
        }
    }

    @Nested
    class WhenNodeWritesBackADocumentJavaWrote {

        @Test
        void javaStillFindsItsUserAndNodeAddedNothingJavaRejects() {
            Browser browser = stack.browser();
            browser.login(stack.java(), "admin", "secret");
            JsonNode fromJava = stored(browser);
            browser.get(stack.node(), "/node/set-session");
            JsonNode fromNode = stored(browser);

            assertThat(fromNode.get("user")).isEqualTo(fromJava.get("user"));
            assertThat(fieldNames(fromNode.get("cookie"))).containsExactlyInAnyOrderElementsOf(fieldNames(fromJava.get("cookie")));
            HttpResponse<String> dashboard = browser.get(stack.java(), "/dashboard");
            assertThat(dashboard.statusCode()).isEqualTo(200);
            assertThat(browser.get(stack.java(), "/get-session").body()).contains("visited 1 times");
        }
    }
}
