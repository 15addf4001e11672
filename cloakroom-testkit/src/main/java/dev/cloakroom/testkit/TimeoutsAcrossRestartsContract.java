package dev.cloakroom.testkit;

import dev.cloakroom.Session;
import dev.cloakroom.SessionContext;
import dev.cloakroom.SessionManager;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.SessionStore;
import dev.cloakroom.StoredSession;
import dev.cloakroom.testkit.http.SignedCookies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeouts hold across a restart of the application: one app creates a session and stops, a new
 * one on a fresh store client for the same server takes over. The absolute deadline comes from the
 * creation time in the stored document, so the new app, on a clock set ahead, ends the session at the
 * first app's deadline and not a minute later; the idle limit is the store's own expiry, so it holds
 * after a short real wait. A persistent store's test extends this and opens clients on its server.
 */
public abstract class TimeoutsAcrossRestartsContract {

    private static final String SECRET = "a secret of at least thirty-two bytes, honestly";
    private static final Duration ABSOLUTE = Duration.ofHours(1);

    private final List<SessionStore> opened = new ArrayList<>();

    /**
     * {@return a new client of the store under test, as a freshly started application opens it} Each
     * call opens another client on the same server and data; the test closes it when it is done.
     */
    protected abstract SessionStore openStore();

    @AfterEach
    void closeStores() throws Exception {
        for (SessionStore store : opened) {
            if (store instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    /** One application instance: its own store client and its own clock. */
    private final class App {
        final SessionStore store = openStore();
        final SessionManager manager;

        App(Consumer<SessionOptions.Builder> options, Clock clock) {
            opened.add(store);
            SessionOptions.Builder b = SessionOptions.builder().secret(SECRET).store(store);
            options.accept(b);
            manager = new SessionManager(b.build(), clock);
        }

        /** Runs {@code handler} on the session the cookie for {@code id} names (a new one for null), and commits. */
        void request(String id, Consumer<Session> handler) {
            String cookie = id == null ? null : "connect.sid=" + SignedCookies.sign(id, SECRET);
            SessionContext context = manager.open(DirectExchange.withCookie(cookie));
            handler.accept(context.session());
            context.commit();
        }

        /** What a request with {@code id}'s cookie finds under "user": its value, or "new" for a new session. */
        String userOf(String id) {
            String[] seen = new String[1];
            request(id, s -> seen[0] = s.isNew() ? "new" : s.get("user", String.class).orElse("-"));
            return seen[0];
        }

        String create() {
            String[] id = new String[1];
            request(null, s -> {
                s.set("user", "ann");
                id[0] = s.id();
            });
            return id[0];
        }
    }

    private static Clock ahead(Duration by) {
        return Clock.offset(Clock.systemUTC(), by);
    }

    @Test
    void theAbsoluteDeadlineSurvivesARestart() {
        Consumer<SessionOptions.Builder> options = b -> b.absoluteTimeout(ABSOLUTE);
        String id = new App(options, Clock.systemUTC()).create();

        App restarted = new App(options, ahead(ABSOLUTE.minus(Duration.ofMinutes(1))));
        assertThat(restarted.userOf(id)).as("a minute before the deadline").isEqualTo("ann");
        App later = new App(options, ahead(ABSOLUTE.plus(Duration.ofSeconds(5))));

        assertThat(later.userOf(id)).as("just past the deadline").isEqualTo("new");
        assertThat(later.store.get(id)).as("destroyed in the store").isEmpty();
    }

    @Test
    void theStoreIsToldToDropTheSessionAtItsDeadline() {
        Consumer<SessionOptions.Builder> options = b -> b.absoluteTimeout(ABSOLUTE).cookie(c -> c.maxAge(Duration.ofDays(1)));
        Instant before = Instant.now();
        String id = new App(options, Clock.systemUTC()).create();
        Instant after = Instant.now();

        App restarted = new App(options, Clock.systemUTC());
        restarted.userOf(id);

        Instant expires = restarted.store.get(id).map(StoredSession::expires).orElseThrow();
        assertThat(expires).isBetween(before.plus(ABSOLUTE).minusSeconds(2), after.plus(ABSOLUTE).plusSeconds(1));
    }

    @Test
    void theIdleLimitHoldsAfterARestart() throws InterruptedException {
        Duration idle = Duration.ofSeconds(2);
        Consumer<SessionOptions.Builder> options = b -> b.idleTimeout(idle);
        String id = new App(options, Clock.systemUTC()).create();
        Instant lastUse = Instant.now();

        App restarted = new App(options, Clock.systemUTC());
        Thread.sleep(Duration.between(Instant.now(), lastUse.plus(idle)).toMillis() + 1100);

        assertThat(restarted.userOf(id)).isEqualTo("new");
    }
}
