package dev.cloakroom.servlet;

import dev.cloakroom.MemoryStore;
import dev.cloakroom.SessionOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code getLastAccessedTime()} under {@code idleTimeout}, where the store's expiry is the idle
 * limit and reads move it without rewriting the cookie in the document. The filter and the store
 * run on a clock the test moves.
 */
class LastAccessedTimeTest {

    private static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    private static final Clock CLOCK = ((InstantSource) NOW::get).withZone(ZoneOffset.UTC);
    private static final MemoryStore STORE = MemoryStore.builder().clock(CLOCK).build();
    private static JettyApp app;
    private Browser browser;
    private Instant start;

    @BeforeAll
    static void startApp() throws Exception {
        SessionOptions options = SessionOptions.builder().secret("keyboard cat").store(STORE)
                .idleTimeout(Duration.ofMinutes(10)).cookie(c -> c.maxAge(Duration.ofDays(30))).build();
        app = JettyApp.start(new CloakroomFilter(options, List.of(), CLOCK), Map.of(
                "/login", (req, res) -> {
                    req.getSession().setAttribute("user", "ann");
                    res.getWriter().print(req.getSession().getLastAccessedTime());
                },
                "/login-for-the-browser-session", (req, res) -> {
                    req.getSession().setAttribute("user", "ann");
                    req.getSession().setMaxInactiveInterval(0);
                    res.getWriter().print(req.getSession().getLastAccessedTime());
                },
                "/last", (req, res) -> res.getWriter().print(req.getSession(false).getLastAccessedTime())));
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        STORE.close();
    }

    @BeforeEach
    void newBrowser() {
        browser = new Browser(app.base());
        start = NOW.get();
    }

    private long lastAccessedAfter(Duration wait) {
        NOW.set(NOW.get().plus(wait));
        return Long.parseLong(browser.get("/last").body());
    }

    private static long plus(Instant start, int minutes) {
        return start.plus(Duration.ofMinutes(minutes)).toEpochMilli();
    }

    @Nested
    class WithARememberMeCookieLongerThanTheIdleLimit {
        @Test
        void isThePreviousRequestThoughReadsOnlyMoveTheStoreExpiry() {
            assertThat(browser.get("/login").body()).isEqualTo(String.valueOf(start.toEpochMilli()));
            assertThat(lastAccessedAfter(Duration.ofMinutes(5))).isEqualTo(plus(start, 0));
            assertThat(lastAccessedAfter(Duration.ofMinutes(3))).isEqualTo(plus(start, 5));
            assertThat(lastAccessedAfter(Duration.ofMinutes(9))).isEqualTo(plus(start, 8));
        }
    }

    @Nested
    class WithABrowserSessionCookie {
        @Test
        void isThePreviousRequestAndNotThisOne() {
            browser.get("/login-for-the-browser-session");
            assertThat(lastAccessedAfter(Duration.ofMinutes(4))).isEqualTo(plus(start, 0));
            assertThat(lastAccessedAfter(Duration.ofMinutes(4))).isEqualTo(plus(start, 4));
        }
    }
}
