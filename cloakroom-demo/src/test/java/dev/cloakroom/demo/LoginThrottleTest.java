package dev.cloakroom.demo;

import dev.cloakroom.testkit.NoSessionIdInLogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login throttle over HTTP. Every test starts its own demo, since all of them log in from
 * 127.0.0.1 and the per-address count would otherwise carry over; the throttle's clock is one the
 * test moves, so a window passes without waiting.
 */
@ExtendWith(NoSessionIdInLogs.class)
class LoginThrottleTest {

    private static final Duration WINDOW = LoginThrottle.Limits.DEFAULTS.window();

    private final MovableClock clock = new MovableClock();
    private DemoServer server;

    private DemoServer start(String... flags) {
        server = DemoServer.start(clock, flags);
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static void failFiveTimes(Browser browser, String name) {
        for (int i = 0; i < 5; i++) {
            assertThat(browser.login(name, "wrong " + i).statusCode()).as("failure %d", i + 1).isEqualTo(401);
        }
    }

    @Nested
    class WhenOneNameFailsFiveTimes {

        @Test
        void theSixthAttemptIs429WithRetryAfterTheRestOfTheWindow() {
            Browser browser = start("--secret", "test-secret", "--user", "alice:right").browser();
            failFiveTimes(browser, "alice");

            HttpResponse<String> sixth = browser.login("alice", "wrong again");

            assertThat(sixth.statusCode()).isEqualTo(429);
            assertThat(sixth.headers().firstValue("Retry-After")).hasValue(Long.toString(WINDOW.toSeconds()));
            assertThat(browser.sessionCookies(sixth)).isEmpty();
        }

        @Test
        void theRightPasswordIsRefusedTooWithoutBeingChecked() {
            Browser browser = start("--secret", "test-secret", "--user", "alice:right").browser();
            failFiveTimes(browser, "alice");
            clock.advance(Duration.ofMinutes(5));

            HttpResponse<String> right = browser.login("alice", "right");

            assertThat(right.statusCode()).isEqualTo(429);
            assertThat(right.headers().firstValue("Retry-After")).hasValue(Long.toString(WINDOW.minusMinutes(5).toSeconds()));
            assertThat(browser.get("/dashboard").statusCode()).as("not logged in").isEqualTo(302);
        }

        @Test
        void otherNamesStillLogIn() {
            Browser browser = start("--secret", "test-secret", "--user", "alice:right", "--user", "bob:pw").browser();
            failFiveTimes(browser, "alice");

            assertThat(browser.login("bob", "pw").statusCode()).isEqualTo(302);
            assertThat(server.browser().login("carol", "nope").statusCode()).as("an unknown name is checked").isEqualTo(401);
        }

        @Test
        void afterTheWindowTheRightPasswordLogsIn() {
            Browser browser = start("--secret", "test-secret", "--user", "alice:right").browser();
            failFiveTimes(browser, "alice");
            clock.advance(WINDOW.minusSeconds(1));
            assertThat(browser.login("alice", "right").statusCode()).as("a second before the end").isEqualTo(429);
            clock.advance(Duration.ofSeconds(1));

            assertThat(browser.login("alice", "right").statusCode()).isEqualTo(302);
            assertThat(browser.get("/dashboard").body()).contains("Welcome alice!");
        }
    }

    @Nested
    class WhenALoginSucceeds {

        @Test
        void itClearsThatNamesCount() {
            Browser browser = start("--secret", "test-secret", "--user", "alice:right").browser();
            for (int i = 0; i < 4; i++) {
                browser.login("alice", "wrong");
            }
            assertThat(browser.login("alice", "right").statusCode()).isEqualTo(302);

            for (int i = 0; i < 4; i++) {
                assertThat(server.browser().login("alice", "wrong").statusCode()).as("failure %d after the login", i + 1).isEqualTo(401);
            }
            assertThat(server.browser().login("alice", "right").statusCode()).isEqualTo(302);
        }
    }

    @Nested
    class WhenOneAddressTriesManyNames {

        @Test
        void theTwentyFirstFailureIsRefusedWhateverTheName() {
            start("--secret", "test-secret", "--user", "alice:right");
            for (int i = 0; i < 20; i++) {
                assertThat(server.browser().login("user" + i, "guess").statusCode()).as("name %d", i).isEqualTo(401);
            }

            HttpResponse<String> next = server.browser().login("alice", "right");

            assertThat(next.statusCode()).isEqualTo(429);
            assertThat(next.headers().firstValue("Retry-After")).hasValue(Long.toString(WINDOW.toSeconds()));
        }
    }

    @Nested
    class BehindATrustedProxy {

        @Test
        void theAddressIsTheLastForwardedOneSoClientsOfOneProxyAreCountedApart() throws Exception {
            start("--secret", "test-secret", "--trust-proxy", "--user", "alice:right");
            for (int i = 0; i < 20; i++) {
                // The first entry is the client's to choose; a guesser varying it gains nothing.
                assertThat(loginVia("spoofed-" + i + ", 203.0.113.7", "user" + i)).isEqualTo(401);
            }

            assertThat(loginVia("198.51.100.1, 203.0.113.7", "someone")).isEqualTo(429);
            assertThat(loginVia("203.0.113.8", "someone")).as("another client of the proxy").isEqualTo(401);
        }

        @Test
        void withoutTheFlagTheHeaderIsIgnored() throws Exception {
            start("--secret", "test-secret", "--user", "alice:right");
            for (int i = 0; i < 20; i++) {
                assertThat(loginVia("203.0.113." + i, "user" + i)).isEqualTo(401);
            }

            assertThat(loginVia("203.0.113.99", "someone")).isEqualTo(429);
        }

        /** A login form sent with the page's CSRF token and an {@code X-Forwarded-For}, as through a proxy. */
        private int loginVia(String forwardedFor, String name) {
            Browser browser = server.browser();
            String token = browser.csrfToken("/login");
            return browser.postForm("/login", "username=" + Browser.encode(name) + "&password=x&_csrf=" + Browser.encode(token),
                    "X-Forwarded-For", forwardedFor).statusCode();
        }
    }

    /** A clock that stands still until the test moves it. */
    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-01T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
