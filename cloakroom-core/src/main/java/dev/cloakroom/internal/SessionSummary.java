package dev.cloakroom.internal;

import dev.cloakroom.SessionCookie;
import dev.cloakroom.StoredSession;
import dev.cloakroom.UnreadableSessionException;

import java.time.Clock;
import java.time.Instant;

/**
 * What a list of a user's sessions shows of a stored one: its creation time from the sidecar, its
 * last use (the live expiry minus the cookie's max age, as {@code HttpSession.getLastAccessedTime}
 * is counted) and its expiry.
 *
 * @param created  when it was created, or null when the sidecar does not say
 * @param lastSeen when it was last used, or null for a browser-session cookie
 * @param expires  its live expiry, or null for a browser-session cookie
 */
public record SessionSummary(Instant created, Instant lastSeen, Instant expires) {

    /**
     * {@return the summary of {@code stored}, or null when its document is unreadable}
     *
     * @param codec  the codec to read the document with
     * @param stored the session as the store returned it
     * @param clock  the clock the cookie is read on
     */
    public static SessionSummary of(SessionCodec codec, StoredSession stored, Clock clock) {
        SessionCodec.Decoded decoded;
        try {
            decoded = codec.decode(stored.json(), clock);
        } catch (UnreadableSessionException e) {
            return null;
        }
        SessionCookie cookie = decoded.cookie();
        Instant expires = stored.expires() != null && cookie.expires().isPresent() ? stored.expires()
                : cookie.expires().orElse(null);
        Instant lastSeen = expires != null && cookie.originalMaxAge().isPresent()
                ? expires.minus(cookie.originalMaxAge().get()) : null;
        return new SessionSummary(Sidecar.read(decoded.attributes().get(Sidecar.KEY)).created(), lastSeen, expires);
    }
}
