package dev.cloakroom;

import dev.cloakroom.internal.BoundUser;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A session as a store keeps it: the JSON document express-session writes (a {@code cookie}
 * object beside the attributes) and the instant it expires, which stores use for their TTL.
 *
 * @param json    the express-session JSON document
 * @param expires when the session ends, or {@code null} for a browser-session cookie; stores then
 *                keep it for a default period (one day, as connect-redis does)
 */
public record StoredSession(String json, Instant expires) {

    /**
     * A stored session.
     *
     * @param json    the express-session JSON document
     * @param expires when the session ends, or {@code null} for a browser-session cookie
     * @throws NullPointerException if {@code json} is null
     */
    public StoredSession {
        Objects.requireNonNull(json, "json");
    }

    /**
     * {@return whether the session has ended at {@code now}} A session without an expiry never has.
     *
     * @param now the instant to judge by
     */
    public boolean isExpiredAt(Instant now) {
        return expires != null && !expires.isAfter(now);
    }

    /**
     * {@return the user key this session is bound to, or empty} It is read from the document's
     * {@code __cloakroom} object, where {@code Session.bindUser} puts it; a
     * {@link UserIndexedSessionStore} indexes the session under it. A document that is not JSON is
     * bound to no one.
     */
    public Optional<String> boundUser() {
        return BoundUser.of(json);
    }
}
