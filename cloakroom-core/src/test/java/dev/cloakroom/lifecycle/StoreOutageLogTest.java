package dev.cloakroom.lifecycle;

import dev.cloakroom.SessionManager;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.SessionStoreException;
import dev.cloakroom.internal.SessionIds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.cloakroom.lifecycle.FailureTest.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** During an outage the log gets one WARN line per kind of failure every ten seconds, not one per request. */
@ExtendWith(NoSessionIdInLogs.class)
class StoreOutageLogTest extends LifecycleFixture {

    private static final String WARN = "WARN dev.cloakroom - session store CountingStore failed on";
    private static final String INFO = "INFO dev.cloakroom - session store CountingStore answers again";

    private final MovableClock clock = new MovableClock();
    private final List<String> ids = new ArrayList<>();

    @BeforeEach
    void onTheMovableClock() {
        manager = new SessionManager(SessionOptions.builder().secret(SECRET).store(store).build(), clock);
    }

    /** One request reading a session of a fresh id, then the clock moves on by {@code step}. */
    private void request(Duration step) {
        String id = SessionIds.generate();
        ids.add(id);
        Throwable thrown = catchThrowable(() -> withSession(cookieFor(id), s -> s.keys()));
        if (store.failing) {
            assertThat(thrown).isInstanceOf(SessionStoreException.class);
        } else {
            assertThat(thrown).isNull();
        }
        clock.advance(step);
    }

    /** Runs {@code requests} and returns the console lines they logged, checked to name no session id. */
    private List<String> logOf(Runnable requests) {
        String log;
        try (ConsoleCopy console = new ConsoleCopy()) {
            requests.run();
            log = console.text();
        }
        for (String id : ids) {
            assertThat(log).doesNotContain(id);
        }
        return log.lines().filter(l -> l.contains(WARN) || l.contains(INFO)).toList();
    }

    private static long count(List<String> lines, String kind) {
        return lines.stream().filter(l -> l.contains(kind)).count();
    }

    private void thousandFailuresInNineSeconds() {
        for (int i = 0; i < 1000; i++) {
            request(Duration.ofMillis(9));
        }
    }

    @Nested
    class WhileTheStoreIsDown {

        @BeforeEach
        void down() {
            store.failing = true;
        }

        @Test
        void aThousandFailuresWithinTenSecondsLogOneWarnNamingTheFirst() {
            List<String> lines = logOf(StoreOutageLogTest.this::thousandFailuresInNineSeconds);

            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).contains(WARN + " get for session " + fingerprint(ids.get(0)))
                    .contains("connection refused while handling session " + fingerprint(ids.get(0)))
                    .doesNotContain("not logged");
        }

        @Test
        void aFailureAfterTheIntervalLogsAgainWithHowManyWereLeftOut() {
            List<String> lines = logOf(() -> {
                thousandFailuresInNineSeconds();
                clock.advance(Duration.ofSeconds(1));
                request(Duration.ZERO);
            });

            assertThat(lines).hasSize(2);
            assertThat(lines.get(1)).contains(fingerprint(ids.get(1000)))
                    .contains("(999 more failures like this since the last such line were not logged)");
        }

        @Test
        void aDifferentKindOfFailureIsLoggedAtOnce() {
            List<String> lines = logOf(() -> {
                request(Duration.ofMillis(10));
                request(Duration.ofMillis(10));
                store.failure = id -> new UncheckedIOException(new ConnectException("Connection refused"));
                request(Duration.ofMillis(10));
                request(Duration.ofMillis(10));
            });

            assertThat(lines).hasSize(2);
            assertThat(lines.get(1)).contains(fingerprint(ids.get(2))).contains("ConnectException: Connection refused");
        }
    }

    @Nested
    class WhenTheStoreAnswersAgain {

        @Test
        void oneInfoLineSaysSoWithTheCounts() {
            List<String> lines = logOf(() -> {
                store.failing = true;
                thousandFailuresInNineSeconds();
                store.failing = false;
                request(Duration.ofMillis(10));
                request(Duration.ofMillis(10));
            });

            assertThat(lines).hasSize(2);
            assertThat(lines.get(1)).contains(INFO + " after 1000 failed calls over 9000 ms (999 of them not logged)");
        }

        @Test
        void theNextOutageIsLoggedFromItsFirstFailure() {
            List<String> lines = logOf(() -> {
                store.failing = true;
                request(Duration.ofSeconds(1));
                request(Duration.ofSeconds(1));
                store.failing = false;
                request(Duration.ofSeconds(1));
                store.failing = true;
                request(Duration.ofSeconds(1));
            });

            assertThat(count(lines, WARN)).isEqualTo(2);
            assertThat(count(lines, INFO)).isOne();
            assertThat(lines.get(2)).contains(fingerprint(ids.get(3)));
        }

        @Test
        void aStoreFailingEveryOtherCallCostsAtMostTwoWarnsAndOneInfoPerInterval() {
            List<String> lines = logOf(() -> {
                for (int i = 0; i < 1000; i++) {
                    store.failing = i % 2 == 0;
                    request(Duration.ofMillis(9));
                }
            });
            assertThat(count(lines, WARN)).isEqualTo(2);
            assertThat(count(lines, INFO)).isOne();

            List<String> later = logOf(() -> {
                clock.advance(Duration.ofSeconds(2));
                request(Duration.ZERO);
            });
            assertThat(later).singleElement().asString().contains(INFO + " after 499 failed calls")
                    .contains("(498 of them not logged)");
        }
    }
}
