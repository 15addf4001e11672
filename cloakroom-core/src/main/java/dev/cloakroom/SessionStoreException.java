package dev.cloakroom;

/**
 * The store failed or could not be reached. Adapters answer {@code 503 Service Unavailable}.
 * Messages never contain a session id.
 */
public class SessionStoreException extends SessionException {

    public SessionStoreException(String message) {
        super(message);
    }

    public SessionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
