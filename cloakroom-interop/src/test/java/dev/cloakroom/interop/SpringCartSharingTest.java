package dev.cloakroom.interop;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring Boot sample (Spring Security's form login, a {@code Cart} record in the
 * {@code HttpSession}) and the Express app share one Redis, one secret and one cookie name, and
 * one browser moves between them. What the Java side stores must read as plain JSON in Node, and
 * what Node writes back must still come out of {@code getAttribute} as the Java types it was.
 */
class SpringCartSharingTest extends SharedSessionSuite<TestRedis> {

    private static final String CART_TYPE = "dev.cloakroom.sample.Cart";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    /** The shop, run from its jar on {@link #store}; null when the suite is switched off. */
    private SpringSample spring;

    SpringCartSharingTest() {
        super(TestRedis::start, InteropStack.Settings.shared());
    }

    @BeforeAll
    void startTheSpringSample() {
        if (store != null) {
            spring = SpringSample.start(store.javaUrl());
        }
    }

    @AfterAll
    void stopTheSpringSample() {
        if (spring != null) {
            spring.close();
        }
    }

    @AfterEach
    void neitherAppLoggedAnError() {
        assertThat(stack.nodeApp().errors()).as("errors in the Express app's output").isEmpty();
        assertThat(spring.errors()).as("errors in the Spring sample's output").isEmpty();
    }

    // --- the shopper, over HTTP -------------------------------------------------------------

    /** Spring Security's login page, then its form; the browser ends up with the logged-in session's cookie. */
    private Browser loggedInOnSpring() {
        Browser browser = stack.browser();
        HttpResponse<String> login = submit(browser, "/login", "/login",
                Map.of("username", SpringSample.USER, "password", SpringSample.PASSWORD));
        assertThat(login.statusCode()).as("POST /login").isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return browser;
    }

    private HttpResponse<String> addToCart(Browser browser, String name, int quantity) {
        HttpResponse<String> added = submit(browser, "/cart", "/cart", Map.of("name", name, "quantity", String.valueOf(quantity)));
        assertThat(added.statusCode()).as("POST /cart " + name).isEqualTo(200);
        return added;
    }

    /** Posts {@code fields} to {@code action} with the CSRF token of the page at {@code formPage}, as a browser would. */
    private HttpResponse<String> submit(Browser browser, String formPage, String action, Map<String, String> fields) {
        HttpResponse<String> page = browser.get(spring.baseUrl(), formPage);
        assertThat(page.statusCode()).as("GET " + formPage).isEqualTo(200);
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("a _csrf field on " + formPage + ":\n" + page.body()).isTrue();
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf.group(1));
        return browser.postForm(spring.baseUrl(), action, form);
    }

    private HttpResponse<String> cartPage(Browser browser) {
        HttpResponse<String> cart = browser.get(spring.baseUrl(), "/cart");
        assertThat(cart.statusCode()).as("GET /cart on Spring").isEqualTo(200);
        return cart;
    }

    private void assertLoggedInOnSpring(Browser browser) {
        HttpResponse<String> home = browser.get(spring.baseUrl(), "/");
        assertThat(home.statusCode()).as("GET / on Spring of a logged-in shopper").isEqualTo(200);
        assertThat(home.body()).contains("<b id=\"user\">" + SpringSample.USER + "</b>");
    }

    private static String line(int quantity, String name) {
        return "<li class=\"item\">" + quantity + " × " + name + "</li>";
    }

    // --- what each side holds ---------------------------------------------------------------

    /** The session as express-session hands it to the Express app. */
    private JsonNode onNode(Browser browser) {
        HttpResponse<String> raw = browser.get(stack.node(), "/node/raw");
        assertThat(raw.statusCode()).as("GET /node/raw").isEqualTo(200);
        return Wire.json(raw.body());
    }

    private void putOnNode(Browser browser, String attribute, String json) {
        HttpResponse<String> put = browser.putJson(stack.node(), "/node/attr/" + attribute, json);
        assertThat(put.statusCode()).as("PUT /node/attr/" + attribute).isEqualTo(200);
    }

    /** The document in Redis, as whichever app wrote it last left it. */
    private JsonNode stored(Browser browser) {
        String doc = store.raw().get("sess:" + browser.sessionId());
        assertThat(doc).as("sess:" + browser.sessionId() + " in Redis").isNotNull();
        return Wire.json(doc);
    }

    @Nested
    class WhenAShopperFillsTheCartOnSpring {

        @Test
        void nodeReadsTheItemsAsAPlainArrayOfNameAndQuantity() {
            Browser browser = loggedInOnSpring();
            addToCart(browser, "apple", 2);
            addToCart(browser, "pear", 1);

            JsonNode cart = onNode(browser).path("cart");

            assertThat(cart).isEqualTo(Wire.json("{\"items\":[{\"name\":\"apple\",\"quantity\":2},{\"name\":\"pear\",\"quantity\":1}]}"));
        }

        @Test
        void theTypeHintIsInTheSidecarAndNotInTheValue() {
            Browser browser = loggedInOnSpring();
            addToCart(browser, "kiwi", 3);

            JsonNode doc = stored(browser);
            JsonNode sidecar = doc.path("__cloakroom");

            assertThat(sidecar.path("types").path("cart").asString()).isEqualTo(CART_TYPE);
            assertThat(sidecar.path("created").isIntegralNumber()).as("__cloakroom.created, epoch ms").isTrue();
            assertThat(doc.path("cart").propertyNames()).containsExactly("items");
            assertThat(doc.path("cart").path("items").get(0).propertyNames()).containsExactly("name", "quantity");
            assertThat(onNode(browser).path("__cloakroom")).as("the sidecar as Node sees it").isEqualTo(sidecar);
        }
    }

    @Nested
    class WhenNodeSavesTheSameSession {

        @Test
        void theSidecarIsKeptAndSpringStillShowsTheCartToTheLoggedInShopper() {
            Browser browser = loggedInOnSpring();
            addToCart(browser, "plum", 4);
            JsonNode sidecar = stored(browser).path("__cloakroom");

            putOnNode(browser, "note", "\"written by express\"");

            JsonNode afterNode = stored(browser);
            assertThat(afterNode.path("note").asString()).as("Node's write is the stored document").isEqualTo("written by express");
            assertThat(afterNode.path("__cloakroom")).isEqualTo(sidecar);
            assertThat(cartPage(browser).body()).contains(line(4, "plum"));
            assertLoggedInOnSpring(browser);
        }

        @Test
        void aSpringWriteAfterwardsCastsTheCartAndKeepsWhatNodeAdded() {
            Browser browser = loggedInOnSpring();
            addToCart(browser, "fig", 1);
            putOnNode(browser, "note", "\"written by express\"");

            HttpResponse<String> more = addToCart(browser, "fig", 1);

            assertThat(more.body()).contains(line(2, "fig"));
            assertThat(onNode(browser).path("note").asString()).isEqualTo("written by express");
            assertThat(stored(browser).path("__cloakroom").path("types").path("cart").asString()).isEqualTo(CART_TYPE);
        }
    }

    @Nested
    class WhenNodeReadsTheLogin {

        @Test
        void itSeesTheSecurityContextSpringStoredWithoutAnError() {
            Browser browser = loggedInOnSpring();

            JsonNode context = onNode(browser).path("SPRING_SECURITY_CONTEXT");

            // Spring Security's own Jackson form: its types named in "@class", which Node carries along as data.
            assertThat(context.isObject()).as("SPRING_SECURITY_CONTEXT as Node sees it: " + context).isTrue();
            JsonNode authentication = context.path("authentication");
            assertThat(authentication.path("authenticated").asBoolean()).as(context.toString()).isTrue();
            assertThat(authentication.path("principal").path("username").asString()).as(context.toString())
                    .isEqualTo(SpringSample.USER);
            assertThat(stack.nodeApp().errors()).isEmpty();
            assertLoggedInOnSpring(browser);
        }
    }

    @Nested
    class WhenNodeChangesTheCart {

        @Test
        void springShowsNodesItemsNext() {
            Browser browser = loggedInOnSpring();
            addToCart(browser, "apple", 1);

            putOnNode(browser, "cart", "{\"items\":[{\"name\":\"melon\",\"quantity\":3},{\"name\":\"apple\",\"quantity\":5}]}");

            String cart = cartPage(browser).body();
            assertThat(cart).contains(line(3, "melon"), line(5, "apple")).doesNotContain(line(1, "apple"));
            assertThat(addToCart(browser, "melon", 1).body()).as("POST /cart casts Node's value too")
                    .contains(line(4, "melon"), line(5, "apple"));
        }
    }
}
