package dev.cloakroom;

/**
 * Stored session data that cannot be read: invalid JSON, no {@code cookie} object, or a value
 * of the wrong shape. Cloakroom logs it and starts a fresh session; it never reaches a visitor.
 */
public class UnreadableSessionException extends SessionException {

    /**
     * An exception with a message and no cause.
     *
     * @param message what is wrong with the data, never the session id
     */
    public UnreadableSessionException(String message) {
        super(message);
    }

    /**
     * An exception with a message and the failure behind it.
     *
     * @param message what is wrong with the data, never the session id
     * @param cause   the underlying failure
     */
    public UnreadableSessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
