package dev.cloakroom;

/**
 * The session is no longer stored: another request destroyed or renewed it, or it expired.
 * {@link Session#reload()} and {@link Session#save()} throw it, and so do
 * {@link Session#regenerate()} and {@link Session#changeId()} for the request that loses a race
 * to renew one session.
 */
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
