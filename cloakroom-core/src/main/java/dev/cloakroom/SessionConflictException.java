package dev.cloakroom;

/**
 * A save was refused because of concurrent requests on the same session; nothing was written, and
 * sending the request again may well succeed. Adapters answer {@code 409 Conflict}.
 *
 * <p>Two causes: with {@link Session#checkReads()}, another request changed an attribute this
 * request read (or added or removed one, after this request listed them), so a decision the
 * handler based on it may no longer hold; or, with or without it, the session stayed contended for
 * longer than Cloakroom waits (see the README's "Concurrent requests"), so this request gave up
 * rather than hold a thread that other requests need.
 */
public class SessionConflictException extends SessionException {

    /**
     * An exception with a message and no cause.
     *
     * @param message what conflicted; never the session id
     */
    public SessionConflictException(String message) {
        super(message);
    }
}
