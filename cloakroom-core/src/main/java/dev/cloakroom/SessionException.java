package dev.cloakroom;

/** Base of the exceptions Cloakroom throws at a caller who can act on them. */
public class SessionException extends RuntimeException {

    /**
     * An exception with a message and no cause.
     *
     * @param message what went wrong and, where it helps, what to change
     */
    public SessionException(String message) {
        super(message);
    }

    /**
     * An exception with a message and the failure behind it.
     *
     * @param message what went wrong and, where it helps, what to change
     * @param cause   the underlying failure
     */
    public SessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
