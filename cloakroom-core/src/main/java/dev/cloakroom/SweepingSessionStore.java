package dev.cloakroom;

/**
 * A store that removes expired sessions itself and can say so, so {@link SessionListener}s hear of
 * the expiry: {@link MemoryStore} (its sweep names each session) and {@code JdbcStore} (its pruner
 * knows how many rows it deleted). Stores whose server expires keys by TTL (Redis, MongoDB) cannot.
 */
public interface SweepingSessionStore extends SessionStore {

    /**
     * Asks to be told about sessions this store removes because they expired. Core calls it once per
     * session manager that has listeners. The store holds the receiver <b>weakly</b>, so a session
     * manager that is dropped is neither kept alive nor told any more; the caller keeps it reachable.
     *
     * @param receiver what to tell
     */
    void onExpiry(ExpiryReceiver receiver);

    /** What a {@link SweepingSessionStore} tells about the expired sessions it removed. */
    interface ExpiryReceiver {

        /**
         * One expired session was removed.
         *
         * @param id its id; the receiver must not log it
         */
        void expired(String id);

        /**
         * {@code count} expired sessions were removed that the store cannot name.
         *
         * @param count at least one
         */
        void pruned(int count);
    }
}
