package dev.cloakroom.servlet;

import dev.cloakroom.MemoryStore;
import dev.cloakroom.SessionOptions;
import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** DropInTest's forward and include checks, on Jetty 12 instead of Tomcat. */
class JettyDispatchTest {

    private static final MemoryStore STORE = new MemoryStore();
    private static JettyApp app;
    private Browser browser;

    @BeforeAll
    static void start() throws Exception {
        app = JettyApp.start(SessionOptions.builder().secret("keyboard cat").store(STORE).build(),
                Route.join(Route.dispatchingTo("/whoami"), Map.ofEntries(
                Map.entry("/login", (req, res) -> {
                    req.getSession().setAttribute("user", "bob");
                    res.getWriter().print("in");
                }),
                Map.entry("/whoami", (req, res) -> {
                    HttpSession s = req.getSession(false);
                    res.getWriter().print(s == null ? "anonymous" : String.valueOf(s.getAttribute("user")));
                }),
                Map.entry("/visit", (req, res) -> {
                    req.getSession().setAttribute("user", "carol");
                    res.getWriter().print("visited");
                }),
                Map.entry("/forward-visit", (req, res) -> req.getRequestDispatcher("/visit").forward(req, res)))));
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        STORE.close();
    }

    @BeforeEach
    void newBrowser() {
        browser = new Browser(app.base());
    }

    @Nested
    class OnJetty {

        @Test
        void forwardsAndIncludesSeeTheSession() {
            browser.get("/login");
            assertThat(browser.get("/forward").body()).isEqualTo("bob");
            assertThat(browser.get("/include").body()).isEqualTo("[bob]");
        }

        @Test
        void aSessionStartedInAForwardGetsOneCookieAndIsKept() {
            Browser.Reply reply = browser.get("/forward-visit");
            assertThat(reply.body()).isEqualTo("visited");
            assertThat(reply.setCookies()).filteredOn(c -> c.startsWith(Browser.NAME + "=")).hasSize(1);
            assertThat(reply.setCookies()).noneMatch(c -> c.startsWith("JSESSIONID"));
            assertThat(browser.get("/whoami").body()).isEqualTo("carol");
        }

        @Test
        void theTargetSeesTheSessionTheForwardingServletStarted() {
            Browser.Reply reply = browser.get("/start-and-forward");
            assertThat(reply.body()).isEqualTo("dave");
            assertThat(reply.setCookies()).filteredOn(c -> c.startsWith(Browser.NAME + "=")).hasSize(1);
            assertThat(browser.get("/whoami").body()).isEqualTo("dave");
        }
    }
}
