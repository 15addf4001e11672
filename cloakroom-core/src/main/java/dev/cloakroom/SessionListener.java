package dev.cloakroom;

import java.time.Instant;

/**
 * Told when sessions begin, change id and end: for an audit log, metrics, or a "signed in on
 * another device" notice. Register with {@link SessionOptions.Builder#listener(SessionListener)};
 * every method does nothing unless overridden.
 *
 * <p>Listeners run on the thread that caused the event (a request's, or a store's sweeper), after
 * the store has done its part, so they should be quick. A listener that throws is logged once at
 * WARN, naming the session by fingerprint, and otherwise ignored: it cannot fail the request, undo
 * the store write, keep a session alive, or stop the listeners after it.
 *
 * <p>Expiry is reported only where Cloakroom sees it happen: {@link MemoryStore} names each
 * session it removes as expired, as does a read that finds a session past its expiry; {@code JdbcStore}'s pruner knows only
 * how many rows it deleted ({@link #pruned}). Redis and MongoDB expire sessions by TTL on the server
 * without telling anyone, so with those stores most expiries are never reported.
 */
public interface SessionListener {

    /**
     * A new session was stored for the first time. Cause: {@code request}.
     *
     * @param event the new session
     */
    default void created(SessionEvent event) {
    }

    /**
     * A stored session was given a new id, reported once the new id is stored;
     * {@link SessionEvent#previousFingerprint()} names the old one, already removed. Causes:
     * {@code regenerate} ({@link Session#regenerate()}) and {@code change.id} ({@link Session#changeId()},
     * the data kept). A new session regenerated before it was ever stored is only {@link #created}.
     *
     * @param event the session under its new id
     */
    default void regenerated(SessionEvent event) {
    }

    /**
     * A stored session was removed by the application. Causes: {@code destroy}
     * ({@link Session#destroy()}) and {@code unset} (unset with {@link UnsetAction#DESTROY}).
     *
     * @param event the session removed
     */
    default void destroyed(SessionEvent event) {
    }

    /**
     * A session reached its expiry. Causes: {@code read} (a request's cookie named a session the store
     * returned although past its expiry; it was treated as absent) and {@code store} (the store
     * removed it and said so: {@link MemoryStore}, in its sweep or when a read finds it expired).
     *
     * @param event the session that expired
     */
    default void expired(SessionEvent event) {
    }

    /**
     * A store removed {@code count} expired sessions it cannot name one by one ({@code JdbcStore}'s
     * pruner, one {@code DELETE}). Not called for a count of zero.
     *
     * @param count how many sessions were removed, at least one
     * @param time  when
     */
    default void pruned(int count, Instant time) {
    }

    /**
     * A session was ended because its user's sessions were revoked ("sign out everywhere"). Causes:
     * {@code others} (every session of the user but the current one), {@code all}, and {@code one}
     * (the session {@link UserSessions#revoke} named by its handle).
     *
     * @param event the session revoked
     */
    default void revoked(SessionEvent event) {
    }
}
