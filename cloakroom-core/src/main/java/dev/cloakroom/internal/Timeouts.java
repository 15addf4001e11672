package dev.cloakroom.internal;

import dev.cloakroom.SessionOptions;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The idle and absolute limits of {@link SessionOptions}, worked out for one session. The absolute
 * deadline is counted from the creation time in the stored document, not kept as an instant of its
 * own, so a changed {@code absoluteTimeout} applies to sessions already stored; it is enforced when a
 * session is read, which makes it hold whatever store, instance or Node app last wrote the session.
 */
final class Timeouts {

    private final Duration idle;
    private final Duration absolute;

    Timeouts(SessionOptions options) {
        this.idle = options.idleTimeout().orElse(null);
        this.absolute = options.absoluteTimeout().orElse(null);
    }

    /** Whether sessions need a creation time: only the absolute limit reads it. */
    boolean needsCreated() {
        return absolute != null;
    }

    boolean hasIdle() {
        return idle != null;
    }

    /** {@return the idle limit, or null} */
    Duration idle() {
        return idle;
    }

    /** The instant a session created at {@code created} ends for good, or null when there is no limit or no creation time. */
    Instant deadline(Instant created) {
        return absolute == null || created == null ? null : created.plus(absolute);
    }

    /** Whether a session created at {@code created} has reached its absolute end at {@code now}. */
    boolean isOver(Instant created, Instant now) {
        Instant deadline = deadline(created);
        return deadline != null && !now.isBefore(deadline);
    }

    /** {@code expires}, brought forward to {@code deadline} when it would pass it; null stays null. */
    static Instant cap(Instant expires, Instant deadline) {
        return expires == null || deadline == null || expires.isBefore(deadline) ? expires : deadline;
    }

    /**
     * The expiry to give the store for a session used at {@code now} whose cookie expires at
     * {@code cookieExpires} (null for a browser-session cookie): the idle limit from now, never past
     * the cookie or the deadline. Without an idle limit it is the cookie's expiry; null leaves the
     * store its default period, and the deadline is then enforced only when the session is read.
     */
    Instant storeExpiry(Instant cookieExpires, Instant now, Instant deadline) {
        Instant expiry = cookieExpires;
        if (idle != null) {
            Instant idleEnd = now.plus(idle);
            expiry = cookieExpires == null || idleEnd.isBefore(cookieExpires) ? idleEnd : cookieExpires;
        }
        return cap(expiry, deadline);
    }

    /**
     * {@return when a session with {@code cookie} and absolute end {@code deadline} ends if unused
     * after {@code now}: the expiry the store would be given, or null for the store's default}
     */
    Instant expiresIfUnused(CookieState cookie, Instant deadline, Instant now) {
        Instant cookieExpires = cookie.originalMaxAgeMillis == null ? cookie.expires
                : now.truncatedTo(ChronoUnit.MILLIS).plusMillis(cookie.originalMaxAgeMillis);
        return storeExpiry(cap(cookieExpires, deadline), now, deadline);
    }

    /**
     * Brings {@code cookie}'s expiry forward to {@code deadline}, so the browser's cookie never
     * outlives the session, and returns the expiry to give the store.
     */
    Instant limit(CookieState cookie, Instant deadline, Instant now) {
        cookie.expires = cap(cookie.expires, deadline);
        return storeExpiry(cookie.expires, now, deadline);
    }
}
