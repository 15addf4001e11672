package dev.cloakroom;

import dev.cloakroom.internal.SessionEngine;

import java.time.Clock;
import java.util.Objects;

/**
 * The entry point adapters use: one per application, shared by all requests and thread-safe.
 * For each request an adapter calls {@link #open(SessionExchange)}, hands the resulting
 * {@link SessionContext} to handlers, and calls {@link SessionContext#commit()} before the
 * response is committed.
 */
public final class SessionManager {

    private final SessionEngine engine;
    private final UserSessions users;

    /**
     * A manager on the system UTC clock.
     *
     * @param options the checked options, store included
     * @throws NullPointerException if {@code options} is null
     */
    public SessionManager(SessionOptions options) {
        this(options, Clock.systemUTC());
    }

    /**
     * A manager on a clock of the caller's, for tests that move time.
     *
     * @param options the checked options, store included
     * @param clock   the clock expiry is judged by
     * @throws NullPointerException if either is null
     */
    public SessionManager(SessionOptions options, Clock clock) {
        this.engine = new SessionEngine(Objects.requireNonNull(options, "options"), Objects.requireNonNull(clock, "clock"));
        this.users = new UserSessions(options.store(), engine.codec(), clock, engine.events());
    }

    /** {@return the options this manager was made with} */
    public SessionOptions options() {
        return engine.options();
    }

    /**
     * {@return the sessions of each user, found through {@link Session#bindUser}: to list them and
     * revoke them} Its methods need a {@link UserIndexedSessionStore}.
     */
    public UserSessions users() {
        return users;
    }

    /**
     * Reads the request's session cookie; touches no store.
     *
     * @param exchange the request and response, as the adapter presents them
     * @return the request's session handling, to commit before the response is committed
     */
    public SessionContext open(SessionExchange exchange) {
        return engine.open(exchange);
    }
}
