package dev.cloakroom.demo;

import dev.cloakroom.testkit.NoSessionIdInLogs;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code --idle-timeout} and {@code --absolute-timeout}: parsed, checked, and in effect over HTTP.
 * A use is expected to find the session only when the test can prove it was within the limit, so a
 * slow machine cannot fail these.
 */
@ExtendWith(NoSessionIdInLogs.class)
class DemoTimeoutsTest {

    private static DemoConfig parse(String... args) throws UsageException {
        return DemoArgs.parse(args, Map.of());
    }

    private static void pauseUntil(Instant instant) throws InterruptedException {
        long ms = Duration.between(Instant.now(), instant).toMillis();
        if (ms >= 0) {
            Thread.sleep(ms + 50);
        }
    }

    @Nested
    class WhenParsed {

        @Test
        void areUnsetByDefault() throws UsageException {
            DemoConfig config = parse();

            assertThat(config.idleTimeout()).isNull();
            assertThat(config.absoluteTimeout()).isNull();
        }

        @Test
        void takeMilliseconds() throws UsageException {
            DemoConfig config = parse("--idle-timeout", "60000", "--absolute-timeout=3600000");

            assertThat(config.idleTimeout()).isEqualTo(Duration.ofMinutes(1));
            assertThat(config.absoluteTimeout()).isEqualTo(Duration.ofHours(1));
        }

        @Test
        void refuseAValueThatIsNotAPositiveNumber() {
            assertThatThrownBy(() -> parse("--idle-timeout=0")).isInstanceOf(UsageException.class)
                    .hasMessage("--idle-timeout must be a positive number of milliseconds, got '0'");
            assertThatThrownBy(() -> parse("--absolute-timeout", "soon")).isInstanceOf(UsageException.class)
                    .hasMessage("--absolute-timeout must be a positive number of milliseconds, got 'soon'");
        }

        @Test
        void refuseAnIdleTimeoutLongerThanTheMaxAge() {
            assertThatThrownBy(() -> parse("--max-age", "1000", "--idle-timeout", "2000")).isInstanceOf(UsageException.class)
                    .hasMessageStartingWith("--idle-timeout (2000) must not be longer than --max-age (1000)");
        }

        @Test
        void refuseAnIdleTimeoutNotShorterThanTheAbsoluteOne() {
            assertThatThrownBy(() -> parse("--idle-timeout", "5000", "--absolute-timeout", "5000"))
                    .isInstanceOf(UsageException.class)
                    .hasMessage("--idle-timeout (5000) must be shorter than --absolute-timeout (5000)");
        }

        @Test
        void areListedInTheUsage() {
            assertThat(DemoArgs.USAGE).contains("--idle-timeout MS").contains("--absolute-timeout MS");
        }
    }

    @Test
    void anAbsoluteTimeoutEndsASessionInUse() throws InterruptedException {
        Duration limit = Duration.ofMillis(2000);
        try (DemoServer server = DemoServer.start("--secret", "test-secret", "--absolute-timeout", "2000")) {
            Browser browser = server.browser();
            Instant before = Instant.now();
            browser.put("/api/prefs/theme", "dark");
            Instant created = Instant.now();
            String cookie = browser.cookie();
            while (Instant.now().isBefore(created.plus(limit))) {
                Thread.sleep(400);
                String prefs = browser.get("/api/prefs").body();
                if (Instant.now().isBefore(before.plus(limit))) {
                    assertThat(prefs).as("in use within the limit").isEqualTo("{\"theme\":\"dark\"}");
                }
            }
            pauseUntil(created.plus(limit));

            browser.cookie(cookie);
            assertThat(browser.get("/api/prefs").body()).isEqualTo("{}");
        }
    }

    @Test
    void anIdleTimeoutEndsAnUnusedSessionBeforeItsCookieWould() throws InterruptedException {
        try (DemoServer server = DemoServer.start("--secret", "test-secret", "--idle-timeout", "1500")) {
            Browser browser = server.browser();
            browser.put("/api/prefs/theme", "dark");
            Instant lastUse = Instant.now();

            pauseUntil(lastUse.plusMillis(1500));

            assertThat(browser.get("/api/prefs").body()).isEqualTo("{}");
        }
    }
}
