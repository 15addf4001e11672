package dev.cloakroom.testkit;

import dev.cloakroom.SessionContext;
import dev.cloakroom.SessionManager;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.SessionStore;
import dev.cloakroom.StoredSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many round trips to its server a store costs per request, counted by the store's test as
 * the commands (or statements) its client sends, on a real server: none for a request that never
 * asks for its session, one for a request that only reads it, rolling expiry included, and at most
 * two for one that changes it; for unbound sessions and sessions bound to a user, with and without
 * {@code touchAfter}. Every request goes through {@link SessionManager}, as an adapter's would.
 *
 * <p>A bound session read by a process that has not written or touched it itself may cost more
 * on its first read (see the store's documentation); the tests here read from the process that
 * logged the user in, as a single instance or sticky sessions would.
 */
public abstract class RoundTripContract {

    /** The cookie's max age in these tests. */
    protected static final Duration MAX_AGE = Duration.ofMinutes(30);

    private SessionStore store;
    private SessionManager manager;

    /** {@return a fresh store for one test, on a real server, whose round trips {@link #roundTrips()} counts} */
    protected abstract SessionStore createStore();

    /** {@return the commands or statements the store's client has sent since the last {@link #resetRoundTrips()}} */
    protected abstract long roundTrips();

    /** Starts counting from zero. */
    protected abstract void resetRoundTrips();

    /** {@return what was sent since the last reset, for a failure's message} By default nothing. */
    protected String sentSinceReset() {
        return "";
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private void open(Duration touchAfter) {
        store = createStore();
        manager = new SessionManager(SessionOptions.builder().secret("round-trips-are-counted-here-32b")
                .resave(false).saveUninitialized(false).touchAfter(touchAfter)
                .cookie(c -> c.maxAge(MAX_AGE)).store(store).build());
    }

    /** One request carrying {@code cookie} (or none); returns the cookie it set, or {@code cookie}. */
    private String request(String cookie, Consumer<SessionContext> handler) {
        DirectExchange exchange = DirectExchange.withCookie(cookie);
        SessionContext context = manager.open(exchange);
        handler.accept(context);
        context.commit();
        return exchange.cookieToSendBack() != null ? exchange.cookieToSendBack() : cookie;
    }

    /** Logs in (bound to {@code user}, or unbound when null) and returns the session's cookie, with the count reset. */
    private String login(String user) {
        String cookie = request(null, c -> {
            c.session().set("visits", 1);
            if (user != null) {
                c.session().bindUser(user);
            }
        });
        // A read and a write load the store's scripts on the server (a first EVALSHA would miss and
        // be sent again as EVAL), so the counts below are a request's own.
        request(cookie, c -> c.session().set("warm", true));
        request(cookie, c -> c.session().get("visits"));
        resetRoundTrips();
        return cookie;
    }

    private String idOf(String cookie) {
        String[] id = {null};
        request(cookie, c -> id[0] = c.session().id());
        return id[0];
    }

    private long count(String cookie, Consumer<SessionContext> handler) {
        resetRoundTrips();
        request(cookie, handler);
        return roundTrips();
    }

    private void assertCount(String what, String cookie, Consumer<SessionContext> handler, long least, long most) {
        long trips = count(cookie, handler);
        assertThat(trips).as("%s: sent %s", what, sentSinceReset()).isBetween(least, most);
    }

    abstract class Requests {

        abstract Duration touchAfter();

        abstract String user();

        @Test
        void aRequestThatNeverAsksForItsSessionCostsNone() {
            open(touchAfter());
            String cookie = login(user());
            assertCount("no session use", cookie, c -> { }, 0, 0);
            assertCount("only the signature checked", cookie, SessionContext::hasSignedCookie, 0, 0);
        }

        @Test
        void aReadOnlyRequestCostsOne() {
            open(touchAfter());
            String cookie = login(user());
            for (int i = 0; i < 3; i++) {
                assertCount("read-only request " + (i + 1), cookie, c -> c.session().get("visits"), 1, 1);
            }
        }

        @Test
        void aModifyingRequestCostsAtMostTwo() {
            open(touchAfter());
            String cookie = login(user());
            for (int i = 0; i < 3; i++) {
                int visit = i;
                assertCount("modifying request " + (i + 1), cookie, c -> c.session().set("visits", visit + 2), 1, 2);
            }
        }

        /**
         * The read's round trip carries express-session's rolling expiry: the store's expiry moves to
         * now + max age. (The expiry is first brought nearer by a touch, which may cost a bound
         * session's store its headroom, so this request's count is the other tests' business.)
         */
        @Test
        void aReadOnlyRequestStillMovesTheExpiry() {
            open(Duration.ZERO);
            String cookie = login(user());
            String id = idOf(cookie);
            StoredSession stored = store.get(id).orElseThrow();
            store.touch(id, new StoredSession(stored.json(), Instant.now().plus(Duration.ofMinutes(10))));

            Instant before = Instant.now();
            request(cookie, c -> c.session().get("visits"));

            assertThat(store.get(id).orElseThrow().expires()).as("the store's expiry after a read-only request")
                    .isBetween(before.plus(MAX_AGE).minusSeconds(2), Instant.now().plus(MAX_AGE).plusSeconds(2));
        }
    }

    /** Sessions bound to no user. */
    @Nested
    class Unbound extends Requests {
        @Override
        Duration touchAfter() {
            return Duration.ZERO;
        }

        @Override
        String user() {
            return null;
        }
    }

    /** Unbound sessions under {@code touchAfter}: a throttled read costs the same one round trip. */
    @Nested
    class UnboundWithTouchAfter extends Requests {
        @Override
        Duration touchAfter() {
            return Duration.ofMinutes(5);
        }

        @Override
        String user() {
            return null;
        }
    }

    /** Sessions bound to a user, as after a login that calls {@code bindUser}. */
    @Nested
    class Bound extends Requests {
        @Override
        Duration touchAfter() {
            return Duration.ZERO;
        }

        @Override
        String user() {
            return "alice@example.com";
        }
    }

    /** Bound sessions under {@code touchAfter}. */
    @Nested
    class BoundWithTouchAfter extends Requests {
        @Override
        Duration touchAfter() {
            return Duration.ofMinutes(5);
        }

        @Override
        String user() {
            return "alice@example.com";
        }
    }
}
