package dev.cloakroom.servlet;

import dev.cloakroom.SessionOptions;
import dev.cloakroom.SessionStoreException;
import dev.cloakroom.StoreObserver;
import dev.cloakroom.testkit.Leaks;
import dev.cloakroom.testkit.lifecycle.CapturedOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A store that is down costs a clear 503, names no session, and is forgotten once the store is back.
 * Each test has its own app: core logs a kind of store failure at most once every ten seconds per
 * filter, and several tests count the WARN lines.
 */
class StoreFailureTest {

    private final SwitchableStore store = new SwitchableStore();
    /** The 503s the filter reported to the options' store observer. */
    private final AtomicInteger answered503 = new AtomicInteger();
    private JettyApp app;
    private Browser browser;

    @BeforeEach
    void start() throws Exception {
        SessionOptions options = SessionOptions.builder().secret("keyboard cat").store(store)
                .observer(new StoreObserver() {
                    @Override
                    public void unavailable() {
                        answered503.incrementAndGet();
                    }
                }).build();
        app = JettyApp.start(options, Map.of(
                "/login", (req, res) -> {
                    req.getSession().setAttribute("user", "ann");
                    res.getWriter().print("logged in");
                },
                "/login-redirect", (req, res) -> {
                    req.getSession().setAttribute("user", "ann");
                    res.sendRedirect("/home");
                },
                "/whoami", (req, res) -> {
                    var s = req.getSession(false);
                    res.getWriter().print(s == null ? "none" : s.getAttribute("user"));
                },
                "/health", (req, res) -> res.getWriter().print("ok"),
                "/flush-then-read", (req, res) -> {
                    res.getWriter().print("partial");
                    res.flushBuffer();
                    req.getSession(false);
                },
                "/flush-then-wrap", (req, res) -> {
                    res.getWriter().print("partial");
                    res.flushBuffer();
                    try {
                        req.getSession(false);
                    } catch (SessionStoreException e) {
                        throw new IllegalStateException("no cart for session " + req.getRequestedSessionId(), e);
                    }
                }));
        browser = new Browser(app.base());
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        store.memory.close();
    }

    private static void assertUnavailable(Browser.Reply reply, String id) {
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.contentType()).startsWith("text/plain");
        assertThat(reply.sessionCookie()).isEmpty();
        if (id != null) {
            assertThat(reply.body()).doesNotContain(id);
        }
    }

    /** Runs {@code request}, returning everything written to the console meanwhile. */
    private static String logOf(Runnable request) {
        try (CapturedOutput console = new CapturedOutput()) {
            request.run();
            return console.text();
        }
    }

    @Nested
    class WhenTheStoreIsDown {
        @Test
        void readingTheSessionAnswers503WithoutTheId() {
            browser.get("/login");
            String id = browser.sessionId();
            store.down = true;
            Browser.Reply[] reply = new Browser.Reply[1];
            String log = logOf(() -> reply[0] = browser.get("/whoami"));
            assertUnavailable(reply[0], id);
            Leaks.assertOneWarnByFingerprint(log, id);
            assertThat(answered503).as("told to the store observer").hasValue(1);
        }

        @Test
        void savingANewSessionAnswers503() {
            store.down = true;
            assertUnavailable(browser.get("/login"), null);
        }

        @Test
        void aRedirectBecomesA503() {
            store.down = true;
            assertUnavailable(browser.get("/login-redirect"), null);
            assertThat(answered503).hasValue(1);
        }

        @Test
        void requestsThatDoNotUseTheSessionStillWork() {
            browser.get("/login");
            store.down = true;
            Browser.Reply reply = browser.get("/health");
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo("ok");
        }
    }

    @Nested
    class WhenTheResponseWasCommittedBeforeTheStoreFailed {
        @Test
        void theContainerIsHandedNoChainNamingTheSession() {
            browser.get("/login");
            String id = browser.sessionId();
            store.down = true;
            String log = logOf(() -> catchThrowable(() -> browser.get("/flush-then-read")));
            Leaks.assertOneWarnByFingerprint(log, id);
            assertThat(log).as("the container logs what the filter rethrew").contains("Exception");
            assertThat(answered503).as("no 503 could be sent, none is counted").hasValue(0);
        }

        @Test
        void anApplicationExceptionWrappingTheFailureIsNotHandedOnEither() {
            browser.get("/login");
            String id = browser.sessionId();
            store.down = true;
            String log = logOf(() -> catchThrowable(() -> browser.get("/flush-then-wrap")));
            Leaks.assertOneWarnByFingerprint(log, id);
            assertThat(log).as("the container logs what the filter rethrew").contains("Exception");
        }
    }

    @Nested
    class WhenTheStoreComesBack {
        @Test
        void theSessionIsThereAgain() {
            browser.get("/login");
            store.down = true;
            assertThat(browser.get("/whoami").status()).isEqualTo(503);
            store.down = false;
            assertThat(browser.get("/whoami").body()).isEqualTo("ann");
        }
    }
}
