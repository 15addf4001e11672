package dev.cloakroom.servlet;

import dev.cloakroom.AttributeTypes;
import dev.cloakroom.MemoryStore;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.StoredSession;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Servlet code written for container sessions, on Tomcat wired as Spring Boot wires it: typed
 * attributes across requests, the session listeners, the times, and error pages and forwards that
 * keep Cloakroom's session.
 */
class DropInTest {

    record Item(String sku, int quantity) {
    }

    record Cart(List<Item> items) {
    }

    enum Plan { FREE, PRO }

    /** Jackson cannot write it: its only property throws. */
    static final class Broken {
        public String getValue() {
            throw new IllegalStateException("no value");
        }
    }

    static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    /** A value that wants to know when it is bound and unbound. */
    public record Tracked(String name) implements HttpSessionBindingListener {
        @Override
        public void valueBound(HttpSessionBindingEvent event) {
            EVENTS.add("bound " + event.getName() + "=" + name);
        }

        @Override
        public void valueUnbound(HttpSessionBindingEvent event) {
            EVENTS.add("unbound " + event.getName() + "=" + name);
        }
    }

    static final class Recorder implements HttpSessionListener, HttpSessionAttributeListener, HttpSessionIdListener {
        @Override
        public void sessionCreated(HttpSessionEvent se) {
            EVENTS.add("created");
        }

        @Override
        public void sessionDestroyed(HttpSessionEvent se) {
            EVENTS.add("destroyed user=" + se.getSession().getAttribute("user"));
        }

        @Override
        public void attributeAdded(HttpSessionBindingEvent e) {
            EVENTS.add("added " + e.getName());
        }

        @Override
        public void attributeRemoved(HttpSessionBindingEvent e) {
            EVENTS.add("removed " + e.getName());
        }

        @Override
        public void attributeReplaced(HttpSessionBindingEvent e) {
            EVENTS.add("replaced " + e.getName() + " was " + e.getValue());
        }

        @Override
        public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
            EVENTS.add("id changed, old known=" + (oldSessionId != null && !oldSessionId.equals(event.getSession().getId())));
        }
    }

    static final java.util.concurrent.atomic.AtomicInteger THROWN = new java.util.concurrent.atomic.AtomicInteger();

    /** Registered ahead of the recorder: every call throws, and must neither fail the request nor silence the others. */
    static final class Thrower implements HttpSessionListener, HttpSessionAttributeListener, HttpSessionIdListener {
        private static void fail() {
            THROWN.incrementAndGet();
            throw new IllegalStateException("a broken listener");
        }

        @Override
        public void sessionCreated(HttpSessionEvent se) {
            fail();
        }

        @Override
        public void sessionDestroyed(HttpSessionEvent se) {
            fail();
        }

        @Override
        public void attributeAdded(HttpSessionBindingEvent e) {
            fail();
        }

        @Override
        public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
            fail();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MemoryStore STORE = new MemoryStore();
    private static TomcatApp app;
    private Browser browser;

    @BeforeAll
    static void start() throws Exception {
        SessionOptions options = SessionOptions.builder().secret("keyboard cat").store(STORE)
                .cookie(c -> c.maxAge(Duration.ofMinutes(30)))
                .attributeTypes(AttributeTypes.builder().allowPackages("dev.cloakroom.servlet").build())
                .build();
        app = TomcatApp.start(options, List.of(new Thrower(), new Recorder()), Route.join(Route.dispatchingTo("/whoami"), Map.ofEntries(
                Map.entry("/put", (req, res) -> {
                    HttpSession s = req.getSession();
                    s.setAttribute("cart", new Cart(List.of(new Item("apple", 2))));
                    s.setAttribute("count", 5L);
                    s.setAttribute("at", Instant.parse("2026-12-01T10:15:30.123Z"));
                    s.setAttribute("plan", Plan.PRO);
                    s.setAttribute("items", new ArrayList<>(List.of(new Item("pear", 1))));
                    s.setAttribute("byName", Map.of("fig", new Item("fig", 3)));
                    res.getWriter().print("put");
                }),
                Map.entry("/get", (req, res) -> {
                    HttpSession s = req.getSession(false);
                    Cart cart = (Cart) s.getAttribute("cart");
                    Long count = (Long) s.getAttribute("count");
                    Instant at = (Instant) s.getAttribute("at");
                    Plan plan = (Plan) s.getAttribute("plan");
                    @SuppressWarnings("unchecked")
                    List<Item> items = (List<Item>) s.getAttribute("items");
                    @SuppressWarnings("unchecked")
                    Map<String, Item> byName = (Map<String, Item>) s.getAttribute("byName");
                    res.getWriter().print(cart.items().get(0).sku() + " " + count + " " + at + " " + plan + " "
                            + items.get(0).quantity() + " " + byName.get("fig").quantity());
                }),
                Map.entry("/broken", (req, res) -> {
                    try {
                        req.getSession().setAttribute("broken", new Broken());
                        res.getWriter().print("stored");
                    } catch (IllegalArgumentException e) {
                        res.getWriter().print(e.getMessage());
                    }
                }),
                Map.entry("/kind", (req, res) -> {
                    Object v = req.getSession().getAttribute(req.getParameter("name"));
                    res.getWriter().print(v == null ? "null" : v instanceof Map ? "map" : v.getClass().getSimpleName());
                }),
                Map.entry("/times", (req, res) -> {
                    HttpSession s = req.getSession();
                    s.setAttribute("seen", true);
                    res.getWriter().print(s.getCreationTime() + " " + s.getLastAccessedTime());
                }),
                Map.entry("/login", (req, res) -> {
                    HttpSession s = req.getSession();
                    s.setAttribute("user", "ann");
                    s.setAttribute("user", "bob");
                    s.setAttribute("badge", new Tracked("one"));
                    s.setAttribute("badge", new Tracked("two"));
                    res.getWriter().print("in");
                }),
                Map.entry("/rotate", (req, res) -> res.getWriter().print(req.changeSessionId())),
                Map.entry("/drop-badge", (req, res) -> {
                    req.getSession().removeAttribute("badge");
                    res.getWriter().print("dropped");
                }),
                Map.entry("/logout", (req, res) -> {
                    req.getSession().invalidate();
                    res.getWriter().print("out");
                }),
                Map.entry("/whoami", (req, res) -> {
                    HttpSession s = req.getSession(false);
                    res.getWriter().print(s == null ? "anonymous" : s.getAttribute("user") + " " + s.getAttribute("lastError"));
                }),
                Map.entry("/boom", (req, res) -> {
                    throw new IllegalStateException("boom");
                }),
                Map.entry("/error", (req, res) -> {
                    HttpSession s = req.getSession();
                    Object status = req.getAttribute("jakarta.servlet.error.status_code");
                    s.setAttribute("lastError", status);
                    res.setStatus(status instanceof Integer code ? code : 500);
                    res.getWriter().print("error page, user=" + s.getAttribute("user"));
                }))));
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        STORE.close();
    }

    @BeforeEach
    void newBrowser() {
        browser = new Browser(app.base());
        EVENTS.clear();
    }

    private JsonNode storedDocument() {
        return JSON.readTree(STORE.get(browser.sessionId()).orElseThrow().json());
    }

    @Nested
    class TypedAttributes {

        @Test
        void comeBackOnALaterRequestAsTheTypesTheyWereSetWith() {
            browser.get("/put");
            assertThat(browser.get("/get").body()).isEqualTo("apple 5 2026-12-01T10:15:30.123Z PRO 1 3");
        }

        @Test
        void areStoredAsPlainJsonWithTheTypesBeside() {
            browser.get("/put");
            JsonNode doc = storedDocument();
            assertThat(doc.get("cart").get("items").isArray()).isTrue();
            assertThat(doc.get("count").asLong()).isEqualTo(5);
            assertThat(doc.get("__cloakroom").get("types").get("cart").asString()).isEqualTo(Cart.class.getName());
        }

        @Test
        void aValueJacksonCannotWriteFailsAtSetAttributeNamingTheAttributeAndTheClass() {
            assertThat(browser.get("/broken").body()).contains("'broken'").contains(Broken.class.getName());
        }

        @Test
        void aForgedTypeHintIsRefusedAndTheRequestStillSucceeds() {
            browser.get("/put");
            String doc = STORE.get(browser.sessionId()).orElseThrow().json()
                    .replace("\"" + Cart.class.getName() + "\"", "\"java.net.URL\"");
            STORE.set(browser.sessionId(), new StoredSession(doc, null));
            Browser.Reply reply = browser.get("/kind?name=cart");
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo("null");
        }
    }

    @Nested
    class Times {

        @Test
        void creationTimeIsTheStoredOneAndStaysTheSame() throws InterruptedException {
            long before = System.currentTimeMillis();
            String first = browser.get("/times").body();
            Thread.sleep(20);
            String second = browser.get("/times").body();
            long created = Long.parseLong(first.split(" ")[0]);
            assertThat(second.split(" ")[0]).isEqualTo(first.split(" ")[0]);
            assertThat(created).isBetween(before - 1, System.currentTimeMillis());
            assertThat(storedDocument().get("__cloakroom").get("created").asLong()).isEqualTo(created);
            long lastAccessed = Long.parseLong(second.split(" ")[1]);
            assertThat(lastAccessed).as("the previous request, not this one").isGreaterThanOrEqualTo(created)
                    .isLessThan(System.currentTimeMillis() - 15);
        }
    }

    @Nested
    class Listeners {

        @Test
        void hearOfCreationAttributesAndBinding() {
            browser.get("/login");
            assertThat(EVENTS).containsExactly("created", "added user", "replaced user was ann",
                    "bound badge=one", "added badge", "bound badge=two", "unbound badge=one", "replaced badge was Tracked[name=one]");
        }

        @Test
        void hearOfAStoredValueBeingRemoved() {
            browser.get("/login");
            EVENTS.clear();
            browser.get("/drop-badge");
            assertThat(EVENTS).containsExactly("unbound badge=two", "removed badge");
        }

        @Test
        void hearOfAnIdChange() {
            browser.get("/login");
            EVENTS.clear();
            browser.get("/rotate");
            assertThat(EVENTS).containsExactly("id changed, old known=true");
        }

        @Test
        void hearOfInvalidationWhileTheSessionCanStillBeRead() {
            browser.get("/login");
            EVENTS.clear();
            browser.get("/logout");
            assertThat(EVENTS).containsExactly("destroyed user=bob", "removed user", "unbound badge=two", "removed badge");
        }
    }

    @Nested
    class WhenAListenerThrows {

        @Test
        void theRequestSucceedsTheOtherListenersStillHearAndInvalidateStillDeletes() {
            int thrownBefore = THROWN.get();
            Browser.Reply login = browser.get("/login");
            assertThat(login.status()).isEqualTo(200);
            assertThat(login.body()).isEqualTo("in");
            String id = browser.sessionId();
            assertThat(STORE.get(id)).isPresent();

            Browser.Reply logout = browser.get("/logout");

            assertThat(logout.status()).isEqualTo(200);
            assertThat(THROWN.get()).as("the broken listener was called").isGreaterThan(thrownBefore + 1);
            assertThat(EVENTS).contains("created", "added user", "destroyed user=bob");
            assertThat(STORE.get(id)).as("a throwing sessionDestroyed keeps no session alive").isEmpty();
        }
    }

    @Nested
    class OtherDispatches {

        @Test
        void anErrorPageUsesTheSameSessionAndNoContainerSession() {
            browser.get("/login");
            Browser.Reply reply = browser.get("/no-such-page");
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.body()).isEqualTo("error page, user=bob");
            assertThat(reply.setCookies()).noneMatch(c -> c.startsWith("JSESSIONID"));
            assertThat(browser.get("/whoami").body()).isEqualTo("bob 404");
        }

        @Test
        void anErrorPageAfterAnExceptionCanStartASessionAndSendItsCookie() {
            Browser.Reply reply = browser.get("/boom");
            assertThat(reply.status()).isEqualTo(500);
            assertThat(reply.setCookies()).noneMatch(c -> c.startsWith("JSESSIONID"));
            assertThat(reply.sessionCookie()).isPresent();
            assertThat(browser.get("/whoami").body()).isEqualTo("null 500");
        }

        @Test
        void forwardsAndIncludesSeeTheSession() {
            browser.get("/login");
            assertThat(browser.get("/forward").body()).isEqualTo("bob null");
            assertThat(browser.get("/include").body()).isEqualTo("[bob null]");
        }

        @Test
        void aForwardOrIncludeSeesTheSessionTheOuterServletStarted() {
            Browser.Reply forwarded = browser.get("/start-and-forward");
            assertThat(forwarded.body()).isEqualTo("dave null");
            assertThat(forwarded.setCookies()).filteredOn(c -> c.startsWith(Browser.NAME + "=")).hasSize(1);

            Browser other = new Browser(app.base());
            Browser.Reply included = other.get("/start-and-include");
            assertThat(included.body()).isEqualTo("[erin null]");
            assertThat(included.setCookies()).filteredOn(c -> c.startsWith(Browser.NAME + "=")).hasSize(1);
        }
    }
}
