package dev.cloakroom.servlet;

import dev.cloakroom.SessionOptions;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Every way a servlet can commit its response still lets the session be saved and its cookie sent first. */
class CommitBeforeResponseTest {

    private static final int BIG = 100 * 1024;
    private static final SwitchableStore STORE = new SwitchableStore();
    private static volatile CountDownLatch clientSawResponse = new CountDownLatch(1);
    /** Whether the redirecting servlet was released by the client rather than by its timeout. */
    private static final BlockingQueue<Boolean> RELEASED_BY_CLIENT = new LinkedBlockingQueue<>();
    private static JettyApp app;
    private Browser browser;

    @BeforeAll
    static void start() throws Exception {
        SessionOptions options = SessionOptions.builder().secret("keyboard cat").store(STORE).build();
        Map<String, Route> routes = new HashMap<>(Map.of(
                "/login-redirect", (req, res) -> {
                    req.getSession().setAttribute("user", "ann");
                    res.sendRedirect("/home");
                    RELEASED_BY_CLIENT.add(clientSawResponse.await(30, TimeUnit.SECONDS));
                },
                "/big-writer", (req, res) -> {
                    req.getSession().setAttribute("user", "ann");
                    res.getWriter().print("w".repeat(BIG));
                },
                "/big-stream", (req, res) -> {
                    req.getSession().setAttribute("user", "ann");
                    res.getOutputStream().write("s".repeat(BIG).getBytes(StandardCharsets.US_ASCII));
                    res.getOutputStream().flush();
                },
                "/exact-length", (req, res) -> {
                    req.getSession().setAttribute("user", "ann");
                    res.setContentLength(5);
                    res.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
                },
                "/error", (req, res) -> {
                    req.getSession().setAttribute("user", "ann");
                    res.sendError(403);
                },
                "/flush-then-change", (req, res) -> {
                    req.getSession().setAttribute("user", "ann");
                    res.flushBuffer();
                    req.getSession().setAttribute("late", "yes");
                },
                "/create-after-body", (req, res) -> {
                    res.getWriter().print("body started;");
                    res.getWriter().flush();
                    try {
                        req.getSession();
                        res.getWriter().print("created");
                    } catch (IllegalStateException e) {
                        res.getWriter().print("refused");
                    }
                },
                "/load-after-body", (req, res) -> {
                    res.getWriter().print("body started");
                    res.getWriter().flush();
                    req.getSession(false).setAttribute("late", "yes");
                },
                "/write-then-reset", (req, res) -> {
                    req.getSession().setAttribute("user", "ann");
                    res.getWriter().print("a page that will be replaced");
                    res.reset();
                    res.setStatus(409);
                    res.getWriter().print("replaced");
                },
                "/whoami", (req, res) -> {
                    var s = req.getSession(false);
                    res.getWriter().print(s == null ? "none" : s.getAttribute("user") + " late=" + s.getAttribute("late"));
                }));
        routes.putAll(Map.of(
                "/fill-then-change-in-place", (req, res) -> {
                    List<String> cart = new ArrayList<>(List.of("tea"));
                    ObjectNode prefs = JsonNodeFactory.instance.objectNode().put("theme", "dark");
                    req.getSession().setAttribute("cart", cart);
                    req.getSession().setAttribute("prefs", prefs);
                    res.flushBuffer();
                    cart.add("milk");
                    prefs.put("lang", "en");
                },
                "/read-then-change-in-place", (req, res) -> {
                    @SuppressWarnings("unchecked")
                    List<Object> cart = (List<Object>) req.getSession().getAttribute("cart");
                    res.flushBuffer();
                    cart.add("sugar");
                },
                "/basket", (req, res) -> {
                    var s = req.getSession(false);
                    res.getWriter().print(s.getAttribute("cart") + " " + s.getAttribute("prefs"));
                }));
        app = JettyApp.start(options, routes);
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    @BeforeEach
    void newBrowser() {
        browser = new Browser(app.base());
    }

    @Nested
    class WhenTheServletRedirects {
        @Test
        void theStoreHoldsTheSessionBeforeTheClientGetsThe302() throws Exception {
            clientSawResponse = new CountDownLatch(1);
            try {
                HttpResponse<InputStream> response = browser.headersOf("/login-redirect");
                assertThat(response.statusCode()).isEqualTo(302);
                String cookie = response.headers().allValues("Set-Cookie").stream()
                        .filter(h -> h.startsWith(Browser.NAME + "=")).findFirst().orElseThrow();
                String id = Browser.idOf(cookie.substring(Browser.NAME.length() + 1, cookie.indexOf(';')));
                // The servlet is still waiting on the latch, so only a save before the commit can explain this.
                assertThat(STORE.memory.get(id)).isPresent().get()
                        .satisfies(stored -> assertThat(stored.json()).contains("\"user\":\"ann\""));
            } finally {
                clientSawResponse.countDown();
            }
            assertThat(RELEASED_BY_CLIENT.poll(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Nested
    class WhenTheBodyOutgrowsTheBuffer {
        @Test
        void aWriterBodyStillCarriesTheCookie() {
            Browser.Reply reply = browser.get("/big-writer");
            assertThat(reply.body()).hasSize(BIG);
            assertThat(reply.sessionCookie()).isPresent();
            assertThat(browser.get("/whoami").body()).isEqualTo("ann late=null");
        }

        @Test
        void aStreamBodyStillCarriesTheCookie() {
            Browser.Reply reply = browser.get("/big-stream");
            assertThat(reply.body()).hasSize(BIG);
            assertThat(reply.sessionCookie()).isPresent();
            assertThat(browser.get("/whoami").body()).isEqualTo("ann late=null");
        }
    }

    @Nested
    class WhenTheResponseCommitsEarly {
        @Test
        void reachingTheContentLengthStillCarriesTheCookie() {
            Browser.Reply reply = browser.get("/exact-length");
            assertThat(reply.body()).isEqualTo("hello");
            assertThat(reply.sessionCookie()).isPresent();
            assertThat(browser.get("/whoami").body()).isEqualTo("ann late=null");
        }

        @Test
        void sendErrorStillCarriesTheCookie() {
            Browser.Reply reply = browser.get("/error");
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.sessionCookie()).isPresent();
            assertThat(browser.get("/whoami").body()).isEqualTo("ann late=null");
        }

        @Test
        void changesAfterTheFlushAreSavedToo() {
            Browser.Reply reply = browser.get("/flush-then-change");
            assertThat(reply.sessionCookie()).isPresent();
            assertThat(browser.get("/whoami").body()).isEqualTo("ann late=yes");
        }

        @Test
        void aValueSetOrReadAndChangedInPlaceAfterTheFlushIsSaved() {
            browser.get("/fill-then-change-in-place");
            assertThat(browser.get("/basket").body()).isEqualTo("[tea, milk] {theme=dark, lang=en}");
            browser.get("/read-then-change-in-place");
            assertThat(browser.get("/basket").body()).isEqualTo("[tea, milk, sugar] {theme=dark, lang=en}");
        }

        @Test
        void aSessionFirstReadAfterTheBodyStartedIsSaved() {
            browser.get("/big-writer");
            browser.get("/load-after-body");
            assertThat(browser.get("/whoami").body()).isEqualTo("ann late=yes");
        }

        @Test
        void aResetAfterTheSessionWasCommittedKeepsItsCookie() {
            Browser.Reply reply = browser.get("/write-then-reset");
            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.body()).isEqualTo("replaced");
            assertThat(reply.sessionCookie()).isPresent();
            assertThat(browser.get("/whoami").body()).isEqualTo("ann late=null");
        }

        @Test
        void aNewSessionCannotBeCreatedOnceTheBodyStarted() {
            Browser.Reply reply = browser.get("/create-after-body");
            assertThat(reply.body()).isEqualTo("body started;refused");
            assertThat(reply.sessionCookie()).isEmpty();
        }
    }
}
