package dev.cloakroom.lifecycle;

import dev.cloakroom.MemoryStore;
import dev.cloakroom.Session;
import dev.cloakroom.SessionContext;
import dev.cloakroom.SessionManager;
import dev.cloakroom.SessionOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Session#lastUsed()}: when an earlier request last used the session, on a clock the test moves. */
@ExtendWith(NoSessionIdInLogs.class)
class LastUsedTest {

    private static final Duration IDLE = Duration.ofMinutes(10);

    private final MovableClock clock = new MovableClock();
    private final MemoryStore store = MemoryStore.builder().clock(clock).build();
    private SessionManager manager;
    private String id;
    private Instant start;

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** Configures the manager, then creates a session now; {@link #start} is when. */
    private void seedWith(Consumer<SessionOptions.Builder> customizer) {
        SessionOptions.Builder b = SessionOptions.builder().secret(LifecycleFixture.SECRET).store(store);
        customizer.accept(b);
        manager = new SessionManager(b.build(), clock);
        start = clock.instant();
        Optional<Instant> lastUsed = lastUsedIn(null, s -> {
            s.set("user", "ann");
            id = s.id();
        });
        assertThat(lastUsed).as("a new session").isEmpty();
    }

    private Optional<Instant> lastUsedIn(String cookie, Consumer<Session> handler) {
        SessionContext context = manager.open(TestExchange.to("/").cookie(cookie));
        Session session = context.session();
        handler.accept(session);
        Optional<Instant> lastUsed = session.lastUsed();
        context.commit();
        return lastUsed;
    }

    /** A request after {@code wait} that only reads the session; returns its lastUsed(). */
    private Optional<Instant> readAfter(Duration wait) {
        clock.advance(wait);
        return lastUsedIn(LifecycleFixture.cookieFor(id), s -> s.get("user"));
    }

    @Nested
    class WithAnIdleTimeoutShorterThanTheCookie {

        @Test
        void isThePreviousRequestEvenThoughReadsDoNotRewriteTheCookie() {
            seedWith(b -> b.idleTimeout(IDLE).cookie(c -> c.maxAge(Duration.ofDays(30))));

            assertThat(readAfter(Duration.ofMinutes(5))).contains(start);
            assertThat(readAfter(Duration.ofMinutes(3))).contains(start.plus(Duration.ofMinutes(5)));
            assertThat(readAfter(Duration.ofMinutes(9))).contains(start.plus(Duration.ofMinutes(8)));
        }

        @Test
        void isThePreviousRequestForABrowserSessionCookie() {
            seedWith(b -> b.idleTimeout(IDLE));

            assertThat(readAfter(Duration.ofMinutes(5))).contains(start);
            assertThat(readAfter(Duration.ofMinutes(3))).contains(start.plus(Duration.ofMinutes(5)));
        }

        @Test
        void countsTheSessionsCookieMaxAgeWhenThatIsShorter() {
            seedWith(b -> b.idleTimeout(IDLE).cookie(c -> c.maxAge(Duration.ofDays(30))));
            lastUsedIn(LifecycleFixture.cookieFor(id), s -> s.cookie().maxAge(Duration.ofMinutes(4)));

            assertThat(readAfter(Duration.ofMinutes(3))).contains(start);
            assertThat(readAfter(Duration.ofMinutes(2))).contains(start.plus(Duration.ofMinutes(3)));
        }
    }

    @Nested
    class WithoutAnIdleTimeout {

        @Test
        void isThePreviousRequestFromTheCookieMaxAge() {
            seedWith(b -> b.cookie(c -> c.maxAge(Duration.ofMinutes(30))));

            assertThat(readAfter(Duration.ofMinutes(5))).contains(start);
            assertThat(readAfter(Duration.ofMinutes(3))).contains(start.plus(Duration.ofMinutes(5)));
        }

        @Test
        void isUnknownForABrowserSessionCookie() {
            seedWith(b -> { });

            assertThat(readAfter(Duration.ofMinutes(5))).isEmpty();
        }
    }

    @Nested
    class WithTouchAfter {

        @Test
        void isKnownOnlyToWithinTheThrottle() {
            seedWith(b -> b.idleTimeout(IDLE).touchAfter(Duration.ofMinutes(2)));

            assertThat(readAfter(Duration.ofMinutes(1))).contains(start);
            assertThat(readAfter(Duration.ofMinutes(1))).as("the read a minute ago did not move the expiry").contains(start);
            assertThat(readAfter(Duration.ofMinutes(1))).contains(start.plus(Duration.ofMinutes(2)));
        }
    }
}
