package dev.cloakroom.demo;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tracker issue 11's flood test, over HTTP against the real demo: with {@code --max-sessions 2000},
 * 1,000 users log in through the login form (CSRF token and all) and open their dashboard, then
 * 20,000 cookie-less visitors each open the login page, which starts a session to hold the form's
 * token: ten times the store's capacity. At least 99% of the users must find their dashboard
 * still logged in afterwards (the figure is printed). A login form opened before the flood holds
 * its token in an anonymous session the flood may push out; sending it must then show a fresh form
 * saying the old one expired, which logs in, not a bare 403.
 */
class DemoFloodTest extends RunningDemoTest {

    private static final int USERS = 1_000;
    private static final int CAPACITY = 2_000;
    private static final int FLOOD = 10 * CAPACITY;
    /** Requests in flight at once during the flood. */
    private static final int PARALLEL = 16;

    DemoFloodTest() {
        super(flags());
    }

    private static String[] flags() {
        List<String> flags = new ArrayList<>(List.of("--secret", "flood test secret, long enough to sign with",
                "--max-sessions", Integer.toString(CAPACITY)));
        for (int u = 0; u < USERS; u++) {
            flags.add("--user");
            flags.add(name(u) + ":pw-" + u);
        }
        return flags.toArray(String[]::new);
    }

    private static String name(int u) {
        return "user" + u;
    }

    @Test
    void atLeast99PercentOfTheLoggedInUsersSurviveAnAnonymousFloodOfTenTimesTheCapacity() throws Exception {
        List<Browser> users = logInEveryUser();
        Browser late = server.browser();
        String staleToken = late.csrfToken("/login");

        long start = System.nanoTime();
        int answered = flood();
        double floodSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(answered).as("anonymous login pages answered 200 with a new session").isEqualTo(FLOOD);

        int kept = 0;
        for (Browser user : users) {
            HttpResponse<String> page = user.get("/dashboard");
            if (page.statusCode() == 200) {
                kept++;
            } else {
                assertThat(page.statusCode()).as("a user logged out is sent to the login page").isEqualTo(302);
            }
        }
        System.out.printf("demo flood: %d of %d logged-in users still logged in after %d anonymous sessions"
                + " (%.1f s, %d in flight) against --max-sessions %d%n", kept, USERS, FLOOD, floodSeconds, PARALLEL, CAPACITY);
        assertThat(kept).as("users still logged in").isGreaterThanOrEqualTo(USERS * 99 / 100);

        HttpResponse<String> stale = late.postForm("/login",
                "username=" + name(0) + "&password=pw-0&_csrf=" + Browser.encode(staleToken));
        System.out.printf("demo flood: a login form opened before the flood answered %d%n", stale.statusCode());
        if (stale.statusCode() != 302) {
            assertThat(stale.statusCode()).isEqualTo(403);
            assertThat(stale.body()).contains("This form had expired").contains("name=\"_csrf\"");
            assertThat(late.login(name(0), "pw-0").statusCode()).as("the fresh form logs in").isEqualTo(302);
        }
        assertThat(late.get("/dashboard").statusCode()).isEqualTo(200);
    }

    /**
     * Logs every user in through the login form and opens their dashboard, a few at a time: fewer
     * than the login throttle's per-address limit, as every login comes from 127.0.0.1.
     */
    private List<Browser> logInEveryUser() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Browser>> logins = new ArrayList<>();
            for (int u = 0; u < USERS; u++) {
                int user = u;
                logins.add(pool.submit(() -> {
                    Browser browser = server.browser();
                    assertThat(browser.login(name(user), "pw-" + user).statusCode()).as("login of %s", name(user)).isEqualTo(302);
                    assertThat(browser.get("/dashboard").statusCode()).as("dashboard of %s", name(user)).isEqualTo(200);
                    return browser;
                }));
            }
            List<Browser> users = new ArrayList<>();
            for (Future<Browser> login : logins) {
                users.add(login.get());
            }
            return users;
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@link #FLOOD} cookie-less GET /login, {@link #PARALLEL} at a time; returns how many answered 200 with a cookie. */
    private int flood() throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        URI login = URI.create("http://127.0.0.1:" + server.port() + "/login");
        Semaphore inFlight = new Semaphore(PARALLEL);
        AtomicInteger ok = new AtomicInteger();
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int i = 0; i < FLOOD; i++) {
            inFlight.acquire();
            all.add(client.sendAsync(HttpRequest.newBuilder(login).build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> {
                        inFlight.release();
                        if (r != null && r.statusCode() == 200 && r.headers().firstValue("Set-Cookie").isPresent()) {
                            ok.incrementAndGet();
                        }
                    }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        return ok.get();
    }
}
