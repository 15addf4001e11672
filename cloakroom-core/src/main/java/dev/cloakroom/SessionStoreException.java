package dev.cloakroom;

/**
 * The store failed or could not be reached. Adapters answer {@code 503 Service Unavailable}.
 * Messages never contain a session id. The one the session lifecycle throws is fresh and has no
 * cause, whatever the store threw: it names the operation, the store class and the session's
 * fingerprint, and the store's own message chain, scrubbed of the id, is in the WARN line logged
 * with it.
 */
public class SessionStoreException extends SessionException {

    public SessionStoreException(String message) {
        super(message);
    }

    public SessionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
