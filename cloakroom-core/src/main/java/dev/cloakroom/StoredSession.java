package dev.cloakroom;

import java.time.Instant;
import java.util.Objects;

/**
 * A session as a store keeps it: the JSON document express-session writes (a {@code cookie}
 * object beside the attributes) and the instant it expires, which stores use for their TTL.
 *
 * @param json    the express-session JSON document
 * @param expires when the session ends, or {@code null} for a browser-session cookie; stores then
 *                keep it for a default period (one day, as connect-redis does)
 */
public record StoredSession(String json, Instant expires) {

    public StoredSession {
        Objects.requireNonNull(json, "json");
    }

    /** Whether the session has ended at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return expires != null && !expires.isAfter(now);
    }
}
