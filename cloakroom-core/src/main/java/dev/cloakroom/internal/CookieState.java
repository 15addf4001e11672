package dev.cloakroom.internal;

import dev.cloakroom.CookieOptions;
import dev.cloakroom.Priority;
import dev.cloakroom.SameSite;
import dev.cloakroom.SecureMode;
import dev.cloakroom.SessionCookie;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The live cookie of one session, mirroring express-session's {@code Cookie}: an expiry with
 * millisecond precision, the max age it was given, and the attributes it is written with. The
 * attributes come from the stored session, not from today's options, as in express-session.
 */
public final class CookieState implements SessionCookie {

    private final Clock clock;
    Long originalMaxAgeMillis;
    Instant expires;
    boolean secure;
    boolean httpOnly = true;
    String domain;
    String path = "/";
    SameSite sameSite;
    boolean partitioned;
    Priority priority;

    CookieState(Clock clock) {
        this.clock = clock;
    }

    /**
     * {@return a cookie for a new session, resolving {@code AUTO} settings against the request}
     *
     * @param clock         the clock its expiry is counted on
     * @param options       the cookie settings for the new session
     * @param secureRequest whether the request creating the session is secure
     */
    public static CookieState fresh(Clock clock, CookieOptions options, boolean secureRequest) {
        CookieState c = new CookieState(clock);
        c.path = options.path();
        c.domain = options.domain().orElse(null);
        c.httpOnly = options.httpOnly();
        c.secure = options.secure() == SecureMode.ALWAYS || (options.secure() == SecureMode.AUTO && secureRequest);
        SameSite sameSite = options.sameSite().orElse(null);
        c.sameSite = sameSite == SameSite.AUTO ? (secureRequest ? SameSite.NONE : SameSite.LAX) : sameSite;
        c.partitioned = options.partitioned();
        c.priority = options.priority().orElse(null);
        options.expires().ifPresent(c::expires);
        options.maxAge().ifPresent(c::maxAge);
        return c;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Restarts the expiry from now, as every request that uses the session does. */
    public void resetMaxAge() {
        expires = originalMaxAgeMillis == null ? null : now().plusMillis(originalMaxAgeMillis);
    }

    @Override
    public Optional<Instant> expires() {
        return Optional.ofNullable(expires);
    }

    @Override
    public void expires(Instant expires) {
        this.expires = expires == null ? null : expires.truncatedTo(ChronoUnit.MILLIS);
        this.originalMaxAgeMillis = expires == null ? null : Duration.between(now(), this.expires).toMillis();
    }

    @Override
    public Optional<Duration> maxAge() {
        return expires().map(e -> Duration.between(now(), e));
    }

    @Override
    public void maxAge(Duration maxAge) {
        if (maxAge == null) {
            expires = null;
            originalMaxAgeMillis = null;
        } else {
            originalMaxAgeMillis = maxAge.toMillis();
            expires = now().plusMillis(originalMaxAgeMillis);
        }
    }

    @Override
    public Optional<Duration> originalMaxAge() {
        return Optional.ofNullable(originalMaxAgeMillis).map(Duration::ofMillis);
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Optional<String> domain() {
        return Optional.ofNullable(domain);
    }

    @Override
    public boolean httpOnly() {
        return httpOnly;
    }

    @Override
    public boolean secure() {
        return secure;
    }

    @Override
    public Optional<SameSite> sameSite() {
        return Optional.ofNullable(sameSite);
    }

    @Override
    public boolean partitioned() {
        return partitioned;
    }

    @Override
    public Optional<Priority> priority() {
        return Optional.ofNullable(priority);
    }
}
