package dev.cloakroom;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to one session, as a {@link SessionListener} is told. It names the session
 * only by its fingerprint (the first 12 hex digits of the id's SHA-256, as in Cloakroom's log
 * lines), never by its id: an id is a live credential, and listeners tend to write to logs.
 *
 * @param fingerprint         the session's fingerprint; for {@link SessionListener#regenerated}, the new session's
 * @param previousFingerprint for {@link SessionListener#regenerated}, the fingerprint of the id it replaced; otherwise null
 * @param time                when it happened, by the session manager's clock (the store's, for a sweep)
 * @param cause               a short lowercase word saying how it happened, from the list on each
 *                            {@link SessionListener} method; fit for a metric tag
 */
public record SessionEvent(String fingerprint, String previousFingerprint, Instant time, String cause) {

    /**
     * An event.
     *
     * @param fingerprint         the session's fingerprint
     * @param previousFingerprint the replaced id's fingerprint, or null
     * @param time                when it happened
     * @param cause               how it happened
     * @throws NullPointerException if {@code fingerprint}, {@code time} or {@code cause} is null
     */
    public SessionEvent {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(cause, "cause");
    }
}
