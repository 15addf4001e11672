package dev.cloakroom.lifecycle;

import dev.cloakroom.MemoryStore;
import dev.cloakroom.Session;
import dev.cloakroom.SessionContext;
import dev.cloakroom.SessionGoneException;
import dev.cloakroom.SessionManager;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.StoredSession;
import dev.cloakroom.internal.SessionCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code idleTimeout} and {@code absoluteTimeout} on a clock the test moves, with a store judging
 * expiry by the same clock, so "the store dropped it" and "core refused it" are both visible.
 */
@ExtendWith(NoSessionIdInLogs.class)
class TimeoutsTest {

    private static final String SECRET = "keyboard cat";
    private static final Duration ABSOLUTE = Duration.ofHours(1);
    private static final Duration IDLE = Duration.ofMinutes(10);

    private final MovableClock clock = new MovableClock();
    private final MemoryStore store = MemoryStore.builder().clock(clock).build();
    private SessionManager manager;

    @AfterEach
    void closeStore() {
        store.close();
    }

    private void configure(Consumer<SessionOptions.Builder> customizer) {
        SessionOptions.Builder b = SessionOptions.builder().secret(SECRET).store(store);
        customizer.accept(b);
        manager = new SessionManager(b.build(), clock);
    }

    /** One request carrying {@code cookie} (null for none); returns its Set-Cookie headers. */
    private List<String> request(String cookie, Consumer<Session> handler) {
        TestExchange exchange = TestExchange.to("/").cookie(cookie);
        SessionContext context = manager.open(exchange);
        handler.accept(context.session());
        context.commit();
        return List.copyOf(exchange.setCookies);
    }

    /** Creates a session holding user=ann; returns its id. */
    private String seed() {
        String[] id = new String[1];
        request(null, s -> {
            s.set("user", "ann");
            id[0] = s.id();
        });
        return id[0];
    }

    /** What the session named by {@code id}'s cookie holds under "user" in a new request, and whether it is new. */
    private String userSeenWith(String id) {
        String[] seen = new String[1];
        request(LifecycleFixture.cookieFor(id), s -> seen[0] = (s.isNew() ? "new:" : "") + s.get("user", String.class).orElse("-"));
        return seen[0];
    }

    private Instant storedExpiry(String id) {
        return store.get(id).map(StoredSession::expires).orElseThrow();
    }

    private static Instant expiresAttribute(String setCookie) {
        Matcher m = Pattern.compile("Expires=([^;]+)").matcher(setCookie);
        assertThat(m.find()).as("an Expires attribute in %s", setCookie).isTrue();
        return ZonedDateTime.parse(m.group(1), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }

    @Nested
    class WithAnAbsoluteTimeout {

        @Test
        void aSessionInUseStillEndsAtItsAbsoluteLimit() {
            configure(b -> b.absoluteTimeout(ABSOLUTE).idleTimeout(IDLE));
            String id = seed();
            for (int minutes = 5; minutes < 60; minutes += 5) {
                clock.advance(Duration.ofMinutes(5));
                assertThat(userSeenWith(id)).as("after %d minutes of use", minutes).isEqualTo("ann");
            }
            clock.advance(Duration.ofMinutes(5));

            assertThat(userSeenWith(id)).isEqualTo("new:-");
        }

        @Test
        void destroysTheSessionAtItsEndEvenWhenTheStoreStillHasIt() {
            configure(b -> b.absoluteTimeout(ABSOLUTE));
            String id = seed();
            // A Node app's touch moves the store's TTL without knowing the deadline.
            clock.advance(ABSOLUTE);
            store.touch(id, new StoredSession(store.get(id).orElseThrow().json(), clock.instant().plus(Duration.ofDays(1))));

            assertThat(userSeenWith(id)).isEqualTo("new:-");
            assertThat(store.get(id)).isEmpty();
        }

        @Test
        void aReloadAfterTheDeadlinePassedDuringTheRequestFindsTheSessionGone() {
            configure(b -> b.absoluteTimeout(ABSOLUTE));
            String id = seed();
            clock.advance(ABSOLUTE.minusMinutes(1));
            SessionContext longRequest = manager.open(TestExchange.to("/").cookie(LifecycleFixture.cookieFor(id)));
            Session session = longRequest.session();
            assertThat(session.get("user", String.class)).hasValue("ann");
            clock.advance(Duration.ofMinutes(2));

            assertThatThrownBy(session::reload).isInstanceOf(SessionGoneException.class)
                    .hasMessage("the session reached its absolute timeout");
            assertThat(store.get(id)).as("destroyed, though the store would have kept it a day").isEmpty();
        }

        @Test
        void aReloadBeforeTheDeadlineKeepsTheSession() {
            configure(b -> b.absoluteTimeout(ABSOLUTE));
            String id = seed();
            clock.advance(ABSOLUTE.minusMinutes(2));
            SessionContext request = manager.open(TestExchange.to("/").cookie(LifecycleFixture.cookieFor(id)));
            Session session = request.session();
            clock.advance(Duration.ofMinutes(1));

            session.reload();

            assertThat(session.get("user", String.class)).hasValue("ann");
            assertThat(store.get(id)).isPresent();
        }

        @Test
        void neverGivesTheStoreOrTheCookieAnExpiryPastTheDeadline() {
            configure(b -> b.absoluteTimeout(ABSOLUTE).cookie(c -> c.maxAge(Duration.ofDays(1))).rolling(true));
            String id = seed();
            Instant deadline = clock.instant().plus(ABSOLUTE);
            clock.advance(Duration.ofMinutes(30));

            List<String> setCookies = request(LifecycleFixture.cookieFor(id), s -> s.get("user", String.class));

            assertThat(storedExpiry(id)).isEqualTo(deadline);
            assertThat(expiresAttribute(setCookies.get(0))).isBeforeOrEqualTo(deadline).isAfter(deadline.minusSeconds(1));
            assertThat(store.get(id).orElseThrow().json()).contains("\"expires\":\"" + SessionCodec.isoDate(deadline) + "\"");
        }

        @Test
        void aTouchDoesNotMoveTheExpiryPastTheDeadline() {
            configure(b -> b.absoluteTimeout(ABSOLUTE).cookie(c -> c.maxAge(Duration.ofDays(1))));
            String id = seed();
            Instant deadline = clock.instant().plus(ABSOLUTE);
            clock.advance(ABSOLUTE.minus(Duration.ofMinutes(2)));

            request(LifecycleFixture.cookieFor(id), Session::touch);

            assertThat(storedExpiry(id)).isEqualTo(deadline);
        }

        @Test
        void reportsTheDeadlineAndTheIdleEnd() {
            Duration idle = Duration.ofMinutes(30);
            configure(b -> b.absoluteTimeout(ABSOLUTE).idleTimeout(idle));
            Instant start = clock.instant();
            String id = seed();
            clock.advance(Duration.ofMinutes(20));
            Instant now = clock.instant();
            Instant[] seen = new Instant[3];

            request(LifecycleFixture.cookieFor(id), s -> {
                seen[0] = s.absoluteDeadline().orElseThrow();
                seen[1] = s.expiresAt().orElseThrow();
            });
            clock.advance(Duration.ofMinutes(25));
            request(LifecycleFixture.cookieFor(id), s -> seen[2] = s.expiresAt().orElseThrow());

            assertThat(seen[0]).isEqualTo(start.plus(ABSOLUTE));
            assertThat(seen[1]).isEqualTo(now.plus(idle));
            assertThat(seen[2]).as("the idle end, cut at the deadline").isEqualTo(start.plus(ABSOLUTE));
        }

        @Test
        void changeIdKeepsTheDeadline() {
            configure(b -> b.absoluteTimeout(ABSOLUTE));
            String id = seed();
            Instant deadline = clock.instant().plus(ABSOLUTE);
            clock.advance(Duration.ofMinutes(40));
            String[] newId = new String[1];
            request(LifecycleFixture.cookieFor(id), s -> {
                s.changeId();
                newId[0] = s.id();
            });
            assertThat(userSeenWith(newId[0])).isEqualTo("ann");

            clock.advance(Duration.ofMinutes(20));

            assertThat(userSeenWith(newId[0])).as("renewing the id does not renew the lifetime").isEqualTo("new:-");
            assertThat(deadline).isEqualTo(clock.instant());
        }

        @Test
        void regenerateStartsANewLifetime() {
            configure(b -> b.absoluteTimeout(ABSOLUTE));
            String id = seed();
            clock.advance(Duration.ofMinutes(40));
            String[] newId = new String[1];
            request(LifecycleFixture.cookieFor(id), s -> {
                s.regenerate();
                s.set("user", "bob");
                newId[0] = s.id();
            });
            clock.advance(Duration.ofMinutes(59));

            assertThat(userSeenWith(newId[0])).isEqualTo("bob");
        }
    }

    @Nested
    class WhenAnotherAppCreatedTheSession {

        private static final String NODE_DOCUMENT =
                "{\"cookie\":{\"originalMaxAge\":null,\"expires\":null,\"httpOnly\":true,\"path\":\"/\"},\"user\":\"ann\"}";

        @Test
        void stampsTheCreationTimeAtFirstSightAndEndsItAnAbsoluteTimeoutLater() {
            configure(b -> b.absoluteTimeout(ABSOLUTE));
            store.set("nodesession", new StoredSession(NODE_DOCUMENT, null));
            Instant firstSight = clock.instant();

            assertThat(userSeenWith("nodesession")).isEqualTo("ann");
            assertThat(store.get("nodesession").orElseThrow().json())
                    .contains("\"__cloakroom\":{\"created\":" + firstSight.toEpochMilli() + "}");
            clock.advance(ABSOLUTE.minusMillis(1));
            assertThat(userSeenWith("nodesession")).isEqualTo("ann");
            clock.advance(Duration.ofMillis(1));

            assertThat(userSeenWith("nodesession")).isEqualTo("new:-");
        }

        @Test
        void leavesItsDocumentAloneWithoutAnAbsoluteTimeout() {
            configure(b -> { });
            store.set("nodesession", new StoredSession(NODE_DOCUMENT, null));

            assertThat(userSeenWith("nodesession")).isEqualTo("ann");

            assertThat(store.get("nodesession").orElseThrow().json()).isEqualTo(NODE_DOCUMENT);
        }
    }

    @Nested
    class WithAnIdleTimeout {

        @Test
        void givesABrowserSessionCookieTheIdleLimitInTheStore() {
            configure(b -> b.idleTimeout(IDLE));
            String id = seed();
            clock.advance(Duration.ofMinutes(3));

            List<String> setCookies = request(LifecycleFixture.cookieFor(id), s -> s.get("user", String.class));

            assertThat(storedExpiry(id)).isEqualTo(clock.instant().plus(IDLE));
            assertThat(setCookies).isEmpty();
        }

        @Test
        void aSessionUsedWithinTheLimitLivesOn() {
            configure(b -> b.idleTimeout(IDLE));
            String id = seed();
            for (int i = 0; i < 12; i++) {
                clock.advance(IDLE.minusMinutes(1));
                assertThat(userSeenWith(id)).as("use %d", i).isEqualTo("ann");
            }
        }

        @Test
        void anIdleSessionEndsAtItsIdleLimit() {
            configure(b -> b.idleTimeout(IDLE));
            String id = seed();
            clock.advance(IDLE);

            assertThat(userSeenWith(id)).isEqualTo("new:-");
            assertThat(store.get(id)).isEmpty();
        }

        @Test
        void endsTheSessionServerSideBeforeALongerCookieDoes() {
            configure(b -> b.idleTimeout(IDLE).cookie(c -> c.maxAge(Duration.ofDays(30))));
            String id = seed();
            clock.advance(IDLE);

            assertThat(userSeenWith(id)).isEqualTo("new:-");
        }
    }
}
