package dev.cloakroom.sample;

import dev.cloakroom.SessionStore;
import dev.cloakroom.redis.RedisStore;
import io.lettuce.core.SetArgs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop on Redis, with Spring Boot's Lettuce: everything a shopper does, plus what only a shared
 * store gives (a restart, a second instance) and what a stored document may not do to the app.
 */
class RedisStoreShopTest extends ShopScenarios {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TestRedis redis;
    private static ShopServer server;

    @BeforeAll
    static void start() {
        redis = TestRedis.start();
        server = startInstance();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            redis.close();
        }
    }

    private static ShopServer startInstance() {
        return ShopServer.start("--spring.profiles.active=redis", "--spring.data.redis.url=" + redis.uri());
    }

    @Override
    ShopServer server() {
        return server;
    }

    private static String storedDocument(Browser browser) {
        return redis.raw().get("sess:" + Browser.sessionId(browser.cookie(Browser.SESSION_COOKIE)));
    }

    @Test
    void theStoreIsRedisAndHoldsTheLogin() {
        assertThat(server.context().getBean(SessionStore.class)).isInstanceOf(RedisStore.class);
        Browser browser = server.browser();
        browser.login("alice", ShopServer.ALICE_PASSWORD, false);
        String doc = storedDocument(browser);
        assertThat(doc).as("the session under sess:<id>").isNotNull().contains("SPRING_SECURITY_CONTEXT");
    }

    @Test
    void theLoginAndTheCartSurviveARestart() {
        Browser browser;
        try (ShopServer first = startInstance()) {
            browser = first.browser();
            browser.login("alice", ShopServer.ALICE_PASSWORD, false);
            addToCart(browser, "plum", 4);
        }
        try (ShopServer second = startInstance()) {
            browser.at(second.base());
            assertLoggedIn(browser, "alice");
            HttpResponse<String> cart = browser.get("/cart");
            assertThat(cart.statusCode()).isEqualTo(200);
            assertThat(cart.body()).contains("<li class=\"item\">4 × plum</li>");
            assertThat(addToCart(browser, "plum", 1).body()).contains("<li class=\"item\">5 × plum</li>");
        }
    }

    @Test
    void twoInstancesOnOneRedisShareTheLogin() {
        try (ShopServer other = startInstance()) {
            Browser browser = server.browser();
            browser.login("bob", "bob-pw", false);
            addToCart(browser, "fig", 2);
            browser.at(other.base());
            assertLoggedIn(browser, "bob");
            assertThat(browser.get("/cart").body()).contains("<li class=\"item\">2 × fig</li>");
        }
    }

    @Test
    void theStoredCartNamesItsType() {
        Browser browser = server.browser();
        browser.login("alice", ShopServer.ALICE_PASSWORD, false);
        addToCart(browser, "kiwi", 1);
        JsonNode doc = JSON.readTree(storedDocument(browser));
        assertThat(doc.path("__cloakroom").path("types").path("cart").asString()).isEqualTo(Cart.class.getName());
        assertThat(doc.path("cart").path("items").get(0).path("name").asString()).isEqualTo("kiwi");
    }

    @Test
    void aForgedTypeHintForTheLoginIsRefusedAndTheVisitorIsAnonymous() {
        Browser browser = server.browser();
        browser.login("alice", ShopServer.ALICE_PASSWORD, false);
        forge(browser, "SPRING_SECURITY_CONTEXT", "org.springframework.context.support.ClassPathXmlApplicationContext",
                "http://127.0.0.1:9/forged.xml");
        assertAnonymous(browser);
    }

    @Test
    void aForgedTypeHintForAnotherAttributeLeavesTheLoginAlone() {
        Browser browser = server.browser();
        browser.login("alice", ShopServer.ALICE_PASSWORD, false);
        forge(browser, "cart", "java.net.URL", "http://127.0.0.1:9/");
        assertLoggedIn(browser, "alice");
        HttpResponse<String> cart = browser.get("/cart");
        assertThat(cart.statusCode()).as("the (Cart) cast sees no cart, not a map").isEqualTo(200);
        assertThat(cart.body()).doesNotContain("class=\"item\"");
    }

    /** Rewrites the stored document as someone with write access to Redis could: {@code attribute} claims type {@code type}. */
    private static void forge(Browser browser, String attribute, String type, String value) {
        String key = "sess:" + Browser.sessionId(browser.cookie(Browser.SESSION_COOKIE));
        ObjectNode doc = (ObjectNode) JSON.readTree(redis.raw().get(key));
        doc.put(attribute, value);
        ObjectNode sidecar = doc.has("__cloakroom") ? (ObjectNode) doc.get("__cloakroom") : doc.putObject("__cloakroom");
        ObjectNode types = sidecar.has("types") ? (ObjectNode) sidecar.get("types") : sidecar.putObject("types");
        types.put(attribute, type);
        redis.raw().set(key, JSON.writeValueAsString(doc), SetArgs.Builder.keepttl());
    }
}
