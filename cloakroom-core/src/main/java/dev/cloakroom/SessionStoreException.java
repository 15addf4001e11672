package dev.cloakroom;

/**
 * The store failed or could not be reached. Adapters answer {@code 503 Service Unavailable}.
 * Messages never contain a session id. The one the session lifecycle throws is fresh and has no
 * cause, whatever the store threw: it names the operation, the store class and the session's
 * fingerprint, and the store's own message chain, scrubbed of the id, is in the WARN line logged
 * with it (one line per kind of failure every ten seconds during an outage, with the count of
 * those left out).
 */
public class SessionStoreException extends SessionException {

    /**
     * An exception with a message and no cause.
     *
     * @param message the operation and the store, never the session id
     */
    public SessionStoreException(String message) {
        super(message);
    }

    /**
     * An exception with a message and the failure behind it.
     *
     * @param message the operation and the store, never the session id
     * @param cause   the underlying failure
     */
    public SessionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
