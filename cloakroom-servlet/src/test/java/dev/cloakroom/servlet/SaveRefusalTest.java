package dev.cloakroom.servlet;

import dev.cloakroom.MemoryStore;
import dev.cloakroom.Session;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.StoredSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Saves Cloakroom refuses, writing nothing: 413 for a session over maxSessionBytes, 409 for a conflict. */
class SaveRefusalTest {

    private static final MemoryStore STORE = new MemoryStore();
    private static JettyApp app;

    @BeforeAll
    static void start() throws Exception {
        SessionOptions options = SessionOptions.builder().secret("keyboard cat").store(STORE).maxSessionBytes(4096).build();
        app = JettyApp.start(options, Map.of(
                "/set", (req, res) -> {
                    req.getSession().setAttribute(req.getParameter("k"), "x".repeat(Integer.parseInt(req.getParameter("n"))));
                    res.getWriter().print("set");
                },
                "/set-and-redirect", (req, res) -> {
                    req.getSession().setAttribute("big", "x".repeat(5000));
                    res.sendRedirect("/elsewhere");
                },
                "/one", (req, res) -> {
                    req.getSession().setAttribute("n", 1);
                    res.getWriter().print("one");
                },
                "/increment-checked", (req, res) -> {
                    Session s = CloakroomFilter.session(req).checkReads();
                    int n = s.get("n", Integer.class).orElse(0);
                    // Another request stores n = 100 between this request's read and its save.
                    StoredSession stored = STORE.get(s.id()).orElseThrow();
                    STORE.set(s.id(), new StoredSession(stored.json().replace("\"n\":1", "\"n\":100"), stored.expires()));
                    s.set("n", n + 1);
                    res.getWriter().print("incremented");
                }));
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    @Nested
    class WhenASaveWouldGoOverMaxSessionBytes {

        @Test
        void answers413AndSendsNoCookie() {
            long before = STORE.length();
            Browser.Reply reply = new Browser(app.base()).get("/set?k=big&n=5000");

            assertThat(reply.status()).isEqualTo(413);
            assertThat(reply.contentType()).startsWith("text/plain");
            assertThat(reply.body()).contains("nothing was saved").doesNotContain("set");
            assertThat(reply.sessionCookie()).isEmpty();
            assertThat(STORE.length()).isEqualTo(before);
        }

        @Test
        void answers413AndKeepsWhatAStoredSessionHeld() {
            Browser browser = new Browser(app.base());
            browser.get("/set?k=small&n=10");

            Browser.Reply reply = browser.get("/set?k=big&n=5000");

            assertThat(reply.status()).isEqualTo(413);
            assertThat(STORE.get(browser.sessionId()).orElseThrow().json()).contains("\"small\"").doesNotContain("\"big\"");
        }

        @Test
        void answers413InsteadOfTheRedirect() {
            Browser.Reply reply = new Browser(app.base()).get("/set-and-redirect");

            assertThat(reply.status()).isEqualTo(413);
        }

        @Test
        void savesASessionUnderTheLimit() {
            assertThat(new Browser(app.base()).get("/set?k=fits&n=3000").status()).isEqualTo(200);
        }
    }

    @Nested
    class WhenAReadCheckedSaveFindsWhatItReadChanged {

        @Test
        void answers409AndKeepsTheOtherRequestsValue() {
            Browser browser = new Browser(app.base());
            browser.get("/one");

            Browser.Reply reply = browser.get("/increment-checked");

            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.body()).contains("try again");
            assertThat(STORE.get(browser.sessionId()).orElseThrow().json()).contains("\"n\":100");
        }
    }
}
