package dev.cloakroom;

/** {@link Session#reload()} found no stored session: another request destroyed it, or it expired. */
public class SessionGoneException extends SessionException {

    public SessionGoneException(String message) {
        super(message);
    }
}
