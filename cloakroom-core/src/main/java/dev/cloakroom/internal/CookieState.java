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
import java.util.ArrayList;
import java.util.List;
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
    /** The cookie's name, set by the request using it, so a change cannot break the name's prefix rule; null checks nothing. */
    String name;
    /** Stored attributes the codec could not read, such as a {@code sameSite} of {@code "bogus"}; null when none. */
    List<String> unreadable;

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
    public CookieState expires(Instant expires) {
        this.expires = expires == null ? null : expires.truncatedTo(ChronoUnit.MILLIS);
        this.originalMaxAgeMillis = expires == null ? null : Duration.between(now(), this.expires).toMillis();
        return this;
    }

    @Override
    public Optional<Duration> maxAge() {
        return expires().map(e -> Duration.between(now(), e));
    }

    @Override
    public CookieState maxAge(Duration maxAge) {
        if (maxAge == null) {
            expires = null;
            originalMaxAgeMillis = null;
        } else {
            originalMaxAgeMillis = maxAge.toMillis();
            expires = now().plusMillis(originalMaxAgeMillis);
        }
        return this;
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
    public CookieState path(String path) {
        CookieAttributeRules.checkPath(path);
        checkPrefix(secure, path, domain);
        this.path = path;
        return this;
    }

    @Override
    public Optional<String> domain() {
        return Optional.ofNullable(domain);
    }

    @Override
    public CookieState domain(String domain) {
        CookieAttributeRules.checkDomain(domain);
        checkPrefix(secure, path, domain);
        this.domain = domain;
        return this;
    }

    @Override
    public boolean httpOnly() {
        return httpOnly;
    }

    @Override
    public CookieState httpOnly(boolean httpOnly) {
        this.httpOnly = httpOnly;
        return this;
    }

    @Override
    public boolean secure() {
        return secure;
    }

    @Override
    public CookieState secure(boolean secure) {
        if (!secure && sameSite == SameSite.NONE) {
            throw new IllegalArgumentException("cookie.secure cannot be turned off while cookie.sameSite is NONE: browsers"
                    + " drop SameSite=None cookies without Secure. Change sameSite first");
        }
        if (!secure && partitioned) {
            throw new IllegalArgumentException("cookie.secure cannot be turned off while cookie.partitioned is set: browsers"
                    + " drop Partitioned cookies without Secure. Call partitioned(false) first");
        }
        checkPrefix(secure, path, domain);
        this.secure = secure;
        return this;
    }

    @Override
    public Optional<SameSite> sameSite() {
        return Optional.ofNullable(sameSite);
    }

    @Override
    public CookieState sameSite(SameSite sameSite) {
        if (sameSite == SameSite.AUTO) {
            throw new IllegalArgumentException("cookie.sameSite AUTO is decided when a session starts; give STRICT, LAX or"
                    + " NONE, or null to leave the attribute out");
        }
        if (sameSite == SameSite.NONE && !secure) {
            throw new IllegalArgumentException("cookie.sameSite NONE needs cookie.secure: browsers drop SameSite=None"
                    + " cookies without Secure. Call secure(true) first");
        }
        this.sameSite = sameSite;
        return this;
    }

    @Override
    public boolean partitioned() {
        return partitioned;
    }

    @Override
    public CookieState partitioned(boolean partitioned) {
        if (partitioned && !secure) {
            throw new IllegalArgumentException("cookie.partitioned needs cookie.secure: browsers drop Partitioned cookies"
                    + " without Secure. Call secure(true) first");
        }
        this.partitioned = partitioned;
        return this;
    }

    @Override
    public Optional<Priority> priority() {
        return Optional.ofNullable(priority);
    }

    @Override
    public CookieState priority(Priority priority) {
        this.priority = priority;
        return this;
    }

    /** Notes that the stored {@code attribute} could not be read; returns null, the attribute's value until replaced. */
    <T> T unreadable(String attribute) {
        if (unreadable == null) {
            unreadable = new ArrayList<>(2);
        }
        unreadable.add(attribute);
        return null;
    }

    private void checkPrefix(boolean secure, String path, String domain) {
        if (name != null) {
            CookieNameRules.checkChange(name, secure, path, domain);
        }
    }

    /** {@return a cookie of its own with this one's values, for a request sharing a decoded document} */
    CookieState copy() {
        CookieState c = new CookieState(clock);
        c.originalMaxAgeMillis = originalMaxAgeMillis;
        c.expires = expires;
        c.secure = secure;
        c.httpOnly = httpOnly;
        c.domain = domain;
        c.path = path;
        c.sameSite = sameSite;
        c.partitioned = partitioned;
        c.priority = priority;
        c.name = name;
        c.unreadable = unreadable == null ? null : new ArrayList<>(unreadable);
        return c;
    }

    /** Everything about the cookie that is stored, but its expiry, which every request moves. */
    record Shape(Long originalMaxAgeMillis, boolean secure, boolean httpOnly, String domain, String path,
                 SameSite sameSite, boolean partitioned, Priority priority) {
    }

    /** The cookie as stored, but for its expiry: a handler's change to it is a change to the session. */
    Shape shape() {
        return new Shape(originalMaxAgeMillis, secure, httpOnly, domain, path, sameSite, partitioned, priority);
    }
}
