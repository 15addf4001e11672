package dev.cloakroom.demo;

import dev.cloakroom.testkit.NoSessionIdInLogs;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Two demos on one Redis ({@code --store redis://...}), as the README runs them on two ports. */
@ExtendWith(NoSessionIdInLogs.class)
class SharedRedisTest {

    private static int port;
    private static RedisServer redis;

    @BeforeAll
    static void startRedis() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        redis = newRedis();
        redis.start();
    }

    @AfterAll
    static void stopRedis() throws IOException {
        if (redis.isActive()) {
            redis.stop();
        }
    }

    private static RedisServer newRedis() throws IOException {
        return RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                .setting("save \"\"").setting("appendonly no").build();
    }

    private static DemoServer demo() {
        return DemoServer.start("--secret", "shared-secret", "--store", "redis://127.0.0.1:" + port);
    }

    /**
     * Logs {@code browser} in as admin and proves it worked: a failed login is no 302 to the
     * dashboard, and the dashboard greets the user only when the session holds the login.
     * Without this a broken login would pass every test below that expects a logged-out answer.
     */
    private static void loginAsAdmin(Browser browser) {
        HttpResponse<String> login = browser.login("admin", "secret");
        assertThat(login.statusCode()).as("login status").isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).as("login redirect").contains("/dashboard");
        HttpResponse<String> dashboard = browser.get("/dashboard");
        assertThat(dashboard.statusCode()).as("dashboard after login").isEqualTo(200);
        assertThat(dashboard.body()).contains("Welcome admin!");
    }

    @Nested
    class WhenTwoDemosShareOneRedis {

        @Test
        void aLoginOnOneIsALoginOnTheOther() {
            try (DemoServer a = demo(); DemoServer b = demo()) {
                Browser onA = a.browser();
                loginAsAdmin(onA);
                Browser onB = b.browser();
                onB.cookie(onA.cookie());

                HttpResponse<String> dashboard = onB.get("/dashboard");

                assertThat(dashboard.statusCode()).isEqualTo(200);
                assertThat(dashboard.body()).contains("Welcome admin!");
            }
        }

        @Test
        void aLogoutOnOneIsALogoutOnTheOther() {
            try (DemoServer a = demo(); DemoServer b = demo()) {
                Browser onA = a.browser();
                loginAsAdmin(onA);
                String cookie = onA.cookie();
                Browser onB = b.browser();
                onB.cookie(cookie);
                onB.get("/logout");

                onA.cookie(cookie);
                HttpResponse<String> dashboard = onA.get("/dashboard");

                assertThat(dashboard.statusCode()).isEqualTo(302);
                assertThat(dashboard.headers().firstValue("Location")).contains("/login");
            }
        }
    }

    @Nested
    class WhenOneUserIsLoggedInOnBoth {

        /** Three logins of one user across two demos; signing out everywhere else from one kills the other two at once. */
        @Test
        void signingOutEverywhereElseKillsTheOtherCookiesOnBothDemosAndKeepsThisOne() {
            try (DemoServer a = demo(); DemoServer b = demo()) {
                Browser first = a.browser();
                Browser second = b.browser();
                Browser third = a.browser();
                loginAsAdmin(first);
                loginAsAdmin(second);
                loginAsAdmin(third);
                assertThat(second.get("/sessions").body()).as("listed on b").contains("(this session)")
                        .containsPattern("(?s)(<tr class=\"session\">.*){3}");

                HttpResponse<String> revoke = second.submit("/sessions", "/sessions/revoke-others", "");

                assertThat(revoke.statusCode()).isEqualTo(302);
                for (Browser other : new Browser[] {first, third}) {
                    for (DemoServer demo : new DemoServer[] {a, b}) {
                        Browser replay = demo.browser();
                        replay.cookie(other.cookie());
                        HttpResponse<String> dashboard = replay.get("/dashboard");
                        assertThat(dashboard.statusCode()).isEqualTo(302);
                        assertThat(dashboard.headers().firstValue("Location")).contains("/login");
                    }
                }
                Browser onA = a.browser();
                onA.cookie(second.cookie());
                assertThat(onA.get("/dashboard").body()).contains("Welcome admin!");
                assertThat(second.get("/dashboard").body()).contains("Welcome admin!");
            }
        }
    }

    @Nested
    class WhenRedisIsDown {

        @Test
        void theDashboardAnswers503AndWorksAgainOnceRedisIsBack() throws IOException {
            try (DemoServer demo = demo()) {
                Browser browser = demo.browser();
                loginAsAdmin(browser);
                redis.stop();
                try {
                    assertThat(browser.get("/dashboard").statusCode()).isEqualTo(503);
                    assertThat(browser.get("/").statusCode()).as("a page without a session still works").isEqualTo(200);
                } finally {
                    redis = newRedis();
                    redis.start();
                }
                // The restarted Redis is empty (nothing is persisted), so the old login is gone, but the
                // store answers again without a restart of the demo.
                assertThat(eventually(() -> browser.get("/dashboard").statusCode())).isEqualTo(302);
            }
        }
    }

    /** The first answer that is not 503, trying for up to 10 s while Lettuce reconnects. */
    private static int eventually(java.util.function.IntSupplier status) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        int last = status.getAsInt();
        while (last == 503 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            last = status.getAsInt();
        }
        return last;
    }
}
