package dev.cloakroom.internal;

import dev.cloakroom.CookieOptions;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * When a loaded, unchanged session's expiry is written. express-session touches the store at the
 * end of every request that used the session; here the touch rides in the read when the store can
 * do that ({@link dev.cloakroom.SessionStore#getAndTouch}), so the commit touches only when the
 * read did not, and {@code touchAfter} holds back a touch that would move the expiry less than that.
 */
final class TouchPlan {

    /** How much later than the read's touch a commit may want the expiry and still not touch again. */
    private static final Duration READ_TOUCH_TOLERANCE = Duration.ofSeconds(1);

    private final Duration touchAfter;
    /** The expiry the store held when the session was loaded, before any touch; null when unknown. */
    private Instant loaded;
    /** When the loaded session was last used before this request; null when unknown. */
    private Instant lastUse;
    /** Whether the read moved the expiry to {@link #readTo}. */
    private boolean touchedOnRead;
    /** Where the read moved the expiry; null for the store's default period. */
    private Instant readTo;

    TouchPlan(Duration touchAfter) {
        this.touchAfter = touchAfter;
    }

    /**
     * The store expiry a session with {@code cookie}, as configured, would get when used at
     * {@code now}: what the read touches to, before the session's own max age and deadline are known.
     */
    static Instant defaultExpiry(CookieOptions cookie, Timeouts timeouts, Instant now) {
        Instant cookieExpires = cookie.maxAge().map(m -> now.truncatedTo(ChronoUnit.MILLIS).plusMillis(m.toMillis()))
                .orElseGet(() -> cookie.expires().map(e -> e.truncatedTo(ChronoUnit.MILLIS)).orElse(null));
        return timeouts.storeExpiry(cookieExpires, now, null);
    }

    /**
     * The session was loaded at {@code now}: the store held {@code storeExpires} for it (null when
     * unknown), and its cookie is {@code cookie}, which without an idle limit already carries that
     * live expiry.
     */
    void loaded(Timeouts timeouts, Instant storeExpires, CookieState cookie, Instant now) {
        loaded = timeouts.hasIdle() ? storeExpires : cookie.expires;
        Duration period = timeouts.idle();
        if (cookie.originalMaxAgeMillis != null && (period == null || cookie.originalMaxAgeMillis < period.toMillis())) {
            period = Duration.ofMillis(cookie.originalMaxAgeMillis);
        }
        // Each use moves the expiry to this period from then (sooner only at the absolute deadline).
        // Never past now: Redis rounds the expiry up to whole seconds, and another app may touch for longer.
        Instant used = loaded == null || period == null ? null : loaded.minus(period);
        lastUse = used == null || used.isBefore(now) ? used : now;
    }

    /**
     * {@return when the loaded session was last used before this request, or null when its expiry
     * does not tell} The expiry less the idle limit, or the cookie's max age when that is shorter,
     * to within {@code touchAfter} and the store's precision.
     */
    Instant lastUse() {
        return lastUse;
    }

    /**
     * The read moved the stored expiry to {@code expires}; it counts only if that is what this
     * session asks for ({@code wanted}): a longer "remember me" max age or a nearer absolute deadline
     * is touched again at commit.
     */
    void touchedOnRead(Instant expires, Instant wanted) {
        if (Objects.equals(expires, wanted)) {
            touchedOnRead = true;
            readTo = expires;
        }
    }

    /**
     * Whether a commit that saves nothing must touch the store to move the expiry to {@code next}.
     * Not when the read already did, give or take how long the request took (under a second, or
     * under {@code touchAfter} when that is longer); not when {@code touchAfter} holds it back,
     * unless the handler asked for the touch ({@code requested}).
     */
    boolean needed(Instant next, boolean requested) {
        return !rodeOnRead(next) && !throttled(next, requested);
    }

    private boolean rodeOnRead(Instant next) {
        if (!touchedOnRead) {
            return false;
        }
        if (readTo == null || next == null) {
            return readTo == next;
        }
        Duration later = Duration.between(readTo, next);
        Duration tolerance = touchAfter.compareTo(READ_TOUCH_TOLERANCE) > 0 ? touchAfter : READ_TOUCH_TOLERANCE;
        return !later.isNegative() && later.compareTo(tolerance) < 0;
    }

    private boolean throttled(Instant next, boolean requested) {
        if (touchAfter.isZero() || requested || loaded == null || next == null) {
            return false;
        }
        return Duration.between(loaded, next).compareTo(touchAfter) < 0;
    }
}
