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

    public SessionManager(SessionOptions options) {
        this(options, Clock.systemUTC());
    }

    /** With a clock of the caller's, for tests that move time. */
    public SessionManager(SessionOptions options, Clock clock) {
        this.engine = new SessionEngine(Objects.requireNonNull(options, "options"), Objects.requireNonNull(clock, "clock"));
    }

    public SessionOptions options() {
        return engine.options();
    }

    /** Reads the request's session cookie; touches no store. */
    public SessionContext open(SessionExchange exchange) {
        return engine.open(exchange);
    }
}
