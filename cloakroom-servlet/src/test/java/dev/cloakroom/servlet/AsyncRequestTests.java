package dev.cloakroom.servlet;

import dev.cloakroom.MemoryStore;
import dev.cloakroom.SessionGoneException;
import dev.cloakroom.SessionOptions;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asynchronous servlets keep the filter's session handling on the thread that finishes the
 * response. Run on each container ({@link JettyAsyncRequestTest}, {@link TomcatAsyncRequestTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AsyncRequestTests {

    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final MemoryStore store = new MemoryStore();
    private Started server;
    private Browser browser;

    /** A started server: where it listens, and how to stop it. */
    record Started(URI base, AutoCloseable server) {
    }

    /** Starts the container with the filter for {@code options} and these routes. */
    abstract Started start(SessionOptions options, Map<String, Route> routes) throws Exception;

    @BeforeAll
    void start() throws Exception {
        SessionOptions options = SessionOptions.builder().secret("keyboard cat").store(store).build();
        server = start(options, Map.of(
                "/async-login", (req, res) -> later(req, (request, response) -> {
                    request.getSession().setAttribute("user", "ann");
                    response.getWriter().print("logged in");
                }),
                "/async-no-body", (req, res) -> later(req, (request, response) ->
                        request.getSession().setAttribute("late", "yes")),
                "/async-start-renew", (req, res) -> {
                    AsyncContext async = req.startAsync();
                    async.start(() -> {
                        renewAfterAnotherRequestDestroyed((HttpServletRequest) async.getRequest());
                        async.complete();
                    });
                },
                "/async-dispatch-renew", (req, res) -> {
                    if (req.getDispatcherType() == DispatcherType.ASYNC) {
                        // As Spring MVC rethrows what a Callable or DeferredResult failed with.
                        throw new ServletException("Request processing failed", (Exception) req.getAttribute("failure"));
                    }
                    AsyncContext async = req.startAsync();
                    worker.execute(() -> {
                        try {
                            renewAfterAnotherRequestDestroyed(req);
                        } catch (SessionGoneException e) {
                            req.setAttribute("failure", e);
                        }
                        async.dispatch();
                    });
                },
                "/whoami", (req, res) -> {
                    var s = req.getSession(false);
                    res.getWriter().print(s == null ? "none" : s.getAttribute("user") + " late=" + s.getAttribute("late"));
                }));
    }

    /** Renews the session's id, after another request destroyed the session: a {@link SessionGoneException}. */
    private void renewAfterAnotherRequestDestroyed(HttpServletRequest request) {
        store.destroy(request.getSession(false).getId());
        request.changeSessionId();
    }

    /** Finishes the request on another thread, using the request and response the async context holds. */
    private void later(HttpServletRequest req, Route work) {
        AsyncContext async = req.startAsync();
        worker.execute(() -> {
            try {
                work.handle((HttpServletRequest) async.getRequest(), (HttpServletResponse) async.getResponse());
            } catch (Exception e) {
                ((HttpServletResponse) async.getResponse()).setStatus(500);
            } finally {
                async.complete();
            }
        });
    }

    @AfterAll
    void stop() throws Exception {
        server.server().close();
        worker.shutdownNow();
        store.close();
    }

    @BeforeEach
    void newBrowser() {
        browser = new Browser(server.base());
    }

    @Nested
    class WhenTheAsyncWorkWritesABody {
        @Test
        void theCookieIsSentAndTheSessionSaved() {
            Browser.Reply reply = browser.get("/async-login");
            assertThat(reply.body()).isEqualTo("logged in");
            assertThat(reply.sessionCookie()).isPresent();
            assertThat(browser.get("/whoami").body()).isEqualTo("ann late=null");
        }
    }

    @Nested
    class WhenTheAsyncWorkCompletesWithoutABody {
        @Test
        void changesToAnExistingSessionAreSaved() {
            browser.get("/async-login");
            browser.get("/async-no-body");
            assertThat(browser.get("/whoami").body()).isEqualTo("ann late=yes");
        }
    }

    @Nested
    class WhenTheSessionIsGoneInTheAsyncWork {
        @Test
        void workStartedByTheAsyncContextAnswers409() {
            browser.get("/async-login");
            Browser.Reply reply = browser.get("/async-start-renew");
            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.body()).startsWith("Conflict");
        }

        @Test
        void aFailureRethrownInTheAsyncDispatchAnswers409() {
            browser.get("/async-login");
            Browser.Reply reply = browser.get("/async-dispatch-renew");
            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.body()).startsWith("Conflict");
        }
    }
}
