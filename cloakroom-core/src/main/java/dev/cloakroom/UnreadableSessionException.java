package dev.cloakroom;

/**
 * Stored session data that cannot be read: invalid JSON, no {@code cookie} object, or a value
 * of the wrong shape. Cloakroom logs it and starts a fresh session; it never reaches a visitor.
 */
public class UnreadableSessionException extends SessionException {

    public UnreadableSessionException(String message) {
        super(message);
    }

    public UnreadableSessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
