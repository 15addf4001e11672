package dev.cloakroom;

import java.util.Map;

/**
 * A store that can find every live session bound to one user, for "sign out everywhere" and for
 * listing a user's devices.
 *
 * <p>A session is bound when its document's {@code __cloakroom} object holds
 * {@code "user": "<user key>"}; {@link StoredSession#boundUser()} reads it. The store keeps its
 * index from the documents it writes: every {@link #set} and successful {@link #replace} of a
 * bound document adds or refreshes the entry, a document bound to another user or to none moves
 * or drops it, and {@link #destroy} drops it (or leaves an entry that the next read prunes).
 *
 * <p>The index must stay bounded without help: an entry never outlives its session, and no
 * entry may disappear while its session still lives, or a revocation would miss that session.
 * Nothing may depend on store notifications, which can be lost. An index entry without a session
 * is harmless and pruned when read; a session without an entry is the failure to avoid.
 */
public interface UserIndexedSessionStore extends SessionStore {

    /**
     * {@return the live sessions bound to {@code userKey}, by id} Entries whose session is gone,
     * expired, or now bound to another user are left out and pruned. Empty for an unknown user.
     *
     * @param userKey the user key the sessions were bound with
     * @throws SessionStoreException when the store fails
     */
    Map<String, StoredSession> sessionsOf(String userKey);
}
