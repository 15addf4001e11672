package dev.cloakroom;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where sessions live between requests. Ids reaching a store have already passed signature
 * checks, but a store must still treat them as untrusted text.
 *
 * <p>A missing, expired or malformed id is an empty result, never an exception. An exception
 * ({@link SessionStoreException}) means the store itself failed; adapters answer 503.
 *
 * <p>Stores that can also list or count their sessions implement {@link EnumerableSessionStore}.
 */
public interface SessionStore {

    /**
     * {@return the session stored under {@code id}, or empty when there is none or it has expired}
     *
     * @param id a session id, untrusted text
     * @throws SessionStoreException when the store fails
     */
    Optional<StoredSession> get(String id);

    /**
     * Reads the session as {@link #get} does and, in the same round trip, moves a live session's
     * expiry forward to {@code touchTo}, leaving the document as it is: core's rolling expiry for a
     * request that only reads its session, without the separate {@link #touch} at the end. It never
     * revives a missing or expired session and never shortens one; core touches again at the end of
     * the request when the session's own expiry turns out to differ from {@code touchTo}.
     *
     * <p>The session counts as touched ({@link TouchedSession#touched()}) when it now lives at least
     * until {@code touchTo}: the store moved it there, or it already lived that long. With a positive
     * {@code touchAfter}, an expiry that would move less than that is left alone and the session is
     * not touched, as core's own throttle would decide.
     *
     * <p>The default calls {@link #get} and touches nothing, so a store that does not override it
     * costs a {@code get} now and a {@code touch} at the end of the request, as before.
     *
     * @param id         a session id, untrusted text
     * @param touchTo    the expiry to move to, or {@code null} for the store's default period
     * @param touchAfter zero, or how far the expiry must move before it is worth writing
     * @return the session as {@link #get} would have returned it just before, with the expiry it had
     *         then (core tells the last use from it), and whether it was touched; empty when there is
     *         none or it has expired
     * @throws SessionStoreException when the store fails
     */
    default Optional<TouchedSession> getAndTouch(String id, Instant touchTo, Duration touchAfter) {
        return get(id).map(TouchedSession::untouched);
    }

    /**
     * Stores (creates or replaces) the session under {@code id}.
     *
     * @param id      the session id
     * @param session the document and its expiry
     * @throws SessionStoreException when the store fails
     */
    void set(String id, StoredSession session);

    /**
     * Removes the session; removing a missing one is not an error.
     *
     * @param id the session id
     * @throws SessionStoreException when the store fails
     */
    void destroy(String id);

    /**
     * Compare-and-set: replaces the session under {@code id} only if the stored document is still
     * exactly {@code expectedJson}, the text this store returned from {@link #get}. Returns
     * {@code false}, writing nothing, when the document changed or is gone. Core uses it to save a
     * loaded session, re-reading and re-applying only its own changes on {@code false}, so
     * concurrent requests never overwrite each other's attributes and a destroyed session is not
     * brought back by a slow request.
     *
     * <p>The default reads then writes and is <b>not atomic</b>; every shipped store overrides it
     * with a real compare-and-set (an atomic compute, a Lua script, a conditional UPDATE).
     *
     * @param id           the session id
     * @param expectedJson the document as {@link #get} returned it
     * @param session      the new document and its expiry
     * @return whether the session was replaced
     * @throws SessionStoreException when the store fails
     */
    default boolean replace(String id, String expectedJson, StoredSession session) {
        Optional<StoredSession> current = get(id);
        if (current.isEmpty() || !current.get().json().equals(expectedJson)) {
            return false;
        }
        set(id, session);
        return true;
    }

    /**
     * Records that an unchanged session was used, moving its expiry to {@code session.expires()}.
     * {@code session.json()} is the document as the store returned it, so its own
     * {@code cookie.expires} may be older: take the expiry from {@code session.expires()}.
     * The stored document itself should stay as it is (as connect-redis's and connect-pg-simple's
     * touch do), so a touch never undoes another request's save. The default does that with
     * {@link #get} and {@link #replace}; stores that can move a TTL alone should.
     *
     * @param id      the session id
     * @param session the document as the store returned it, with the new expiry
     * @throws SessionStoreException when the store fails
     */
    default void touch(String id, StoredSession session) {
        get(id).ifPresent(current -> replace(id, current.json(), new StoredSession(current.json(), session.expires())));
    }
}
