package dev.cloakroom;

/** {@link Session#reload()} found no stored session: another request destroyed it, or it expired. */
public class SessionGoneException extends SessionException {

    /**
     * An exception for a session that is no longer stored.
     *
     * @param message which operation found it gone; never the session id
     */
    public SessionGoneException(String message) {
        super(message);
    }
}
