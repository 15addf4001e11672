package dev.cloakroom;

import java.util.Objects;

/**
 * What {@link SessionStore#getAndTouch} read: the stored session, and whether its expiry now
 * reaches the instant asked for, so that the request needs no touch of its own.
 *
 * @param session the document, and the expiry it had before the read
 * @param touched whether the session now lives at least until the expiry asked for
 */
public record TouchedSession(StoredSession session, boolean touched) {

    /**
     * A read session.
     *
     * @param session the document, and the expiry it had before the read
     * @param touched whether the session now lives at least until the expiry asked for
     * @throws NullPointerException if {@code session} is null
     */
    public TouchedSession {
        Objects.requireNonNull(session, "session");
    }

    /**
     * {@return {@code session}, read and not touched}
     *
     * @param session the stored session
     */
    public static TouchedSession untouched(StoredSession session) {
        return new TouchedSession(session, false);
    }
}
