package dev.cloakroom;

/** Base of the exceptions Cloakroom throws at a caller who can act on them. */
public class SessionException extends RuntimeException {

    public SessionException(String message) {
        super(message);
    }

    public SessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
