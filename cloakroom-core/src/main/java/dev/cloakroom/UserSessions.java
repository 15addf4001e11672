package dev.cloakroom;

import dev.cloakroom.internal.Events;
import dev.cloakroom.internal.SessionCodec;
import dev.cloakroom.internal.SessionIds;
import dev.cloakroom.internal.SessionSummary;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A user's sessions, found through {@link Session#bindUser}: list them, and revoke one, all but the
 * current one, or all (ASVS 7.4.2 on account disable, 7.4.3 after a password or factor change,
 * 7.5.2 for a "your devices" page). Revoking destroys the session in the store, so its cookie names
 * no session from the next request on, on every instance sharing the store. Reach it through
 * {@link SessionManager#users()} (or the adapter's shortcut). Thread-safe.
 *
 * <p>Every method needs a store that is a {@link UserIndexedSessionStore}; with any other it throws
 * {@link IllegalStateException} naming the store's class. A store failure is a
 * {@link SessionStoreException}. Nothing here exposes a session id: sessions are named by
 * {@link UserSession#handle()}, their fingerprint.
 *
 * <p>A login racing {@link #revokeAll} may survive it (it was indexed after the revoke read the
 * index): an account-disable flow must also refuse new logins.
 */
public final class UserSessions {

    private final SessionStore store;
    private final SessionCodec codec;
    private final Clock clock;
    private final Events events;

    UserSessions(SessionStore store, SessionCodec codec, Clock clock, Events events) {
        this.store = store;
        this.codec = codec;
        this.clock = clock;
        this.events = events;
    }

    /**
     * {@return the live sessions bound to {@code userKey}, most recently used first} None is marked
     * current.
     *
     * @param userKey the key the sessions were bound with
     * @throws IllegalStateException when the store keeps no user index
     * @throws SessionStoreException when the store fails
     */
    public List<UserSession> list(String userKey) {
        return list(Objects.requireNonNull(userKey, "userKey"), null);
    }

    /**
     * {@return the live sessions of the user {@code current} is bound to, most recently used first,
     * {@code current} marked} A session bound in this request and not yet saved is not listed.
     *
     * @param current the request's session
     * @throws IllegalStateException when {@code current} is bound to no user, or the store keeps no user index
     * @throws SessionStoreException when the store fails
     */
    public List<UserSession> list(Session current) {
        return list(userOf(current), current.id());
    }

    /**
     * Revokes every session bound to {@code userKey}, the request's own included: for an account
     * that is disabled or deleted.
     *
     * @param userKey the key the sessions were bound with
     * @return how many sessions were destroyed
     * @throws IllegalStateException when the store keeps no user index
     * @throws SessionStoreException when the store fails
     */
    public int revokeAll(String userKey) {
        return revokeWhere(Objects.requireNonNull(userKey, "userKey"), id -> true, "all");
    }

    /**
     * Revokes every session of {@code current}'s user but {@code current}: "sign out everywhere
     * else", after a password change, for instance.
     *
     * @param current the request's session, which stays
     * @return how many sessions were destroyed
     * @throws IllegalStateException when {@code current} is bound to no user, or the store keeps no user index
     * @throws SessionStoreException when the store fails
     */
    public int revokeOthers(Session current) {
        String keep = current.id();
        return revokeWhere(userOf(current), id -> !id.equals(keep), "others");
    }

    /**
     * Revokes the one session of {@code userKey} that {@code handle} names; a handle of another
     * user's session, or of none, revokes nothing.
     *
     * @param userKey the key the session was bound with
     * @param handle  a {@link UserSession#handle()} from {@link #list}
     * @return whether a session was destroyed
     * @throws IllegalStateException when the store keeps no user index
     * @throws SessionStoreException when the store fails
     */
    public boolean revoke(String userKey, String handle) {
        Objects.requireNonNull(handle, "handle");
        return revokeWhere(Objects.requireNonNull(userKey, "userKey"), id -> SessionIds.fingerprint(id).equals(handle), "one") > 0;
    }

    private List<UserSession> list(String userKey, String currentId) {
        List<UserSession> sessions = new ArrayList<>();
        for (Map.Entry<String, StoredSession> e : indexed().sessionsOf(userKey).entrySet()) {
            SessionSummary summary = SessionSummary.of(codec, e.getValue(), clock);
            if (summary != null) {
                sessions.add(new UserSession(SessionIds.fingerprint(e.getKey()), summary.created(), summary.lastSeen(),
                        summary.expires(), e.getKey().equals(currentId), summary.texts()));
            }
        }
        Comparator<UserSession> byLastSeen = Comparator.comparing(
                (UserSession s) -> s.lastSeen().or(s::created).orElse(Instant.MIN)).reversed();
        sessions.sort(byLastSeen);
        return sessions;
    }

    private int revokeWhere(String userKey, Predicate<String> which, String scope) {
        UserIndexedSessionStore indexed = indexed();
        int revoked = 0;
        for (String id : indexed.sessionsOf(userKey).keySet()) {
            if (which.test(id)) {
                indexed.destroy(id);
                events.userRevoked(SessionIds.fingerprint(id), scope);
                revoked++;
            }
        }
        return revoked;
    }

    private static String userOf(Session current) {
        Objects.requireNonNull(current, "current");
        return current.boundUser().orElseThrow(() -> new IllegalStateException(
                "the session is bound to no user: call session.bindUser(userKey) at login"));
    }

    private UserIndexedSessionStore indexed() {
        if (store instanceof UserIndexedSessionStore indexed) {
            return indexed;
        }
        throw new IllegalStateException("the session store " + store.getClass().getName() + " keeps no user index"
                + " (it is not a UserIndexedSessionStore), so a user's sessions cannot be listed or revoked");
    }
}
