package dev.cloakroom;

import dev.cloakroom.internal.CookieAttributeRules;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How the session cookie is written: express-session's {@code cookie} option. Immutable; build
 * one with {@link #builder()}. Invalid combinations fail in {@link Builder#build()} with a message
 * naming the option.
 *
 * <p>Defaults: path {@code /}, {@code HttpOnly}, {@code secure} {@link SecureMode#AUTO},
 * {@code SameSite=Lax}, no max age (a browser-session cookie). express-session's defaults differ
 * in {@code secure} (false) and {@code sameSite} (unset); see the README for why.
 */
public final class CookieOptions {

    private final String path;
    private final String domain;
    private final boolean httpOnly;
    private final SecureMode secure;
    private final Duration maxAge;
    private final Instant expires;
    private final SameSite sameSite;
    private final boolean partitioned;
    private final Priority priority;

    private CookieOptions(Builder b) {
        this.path = b.path;
        this.domain = b.domain;
        this.httpOnly = b.httpOnly;
        this.secure = b.secure;
        this.maxAge = b.maxAge;
        this.expires = b.expires;
        this.sameSite = b.sameSite;
        this.partitioned = b.partitioned;
        this.priority = b.priority;
    }

    /** {@return a builder holding the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the defaults described on this class} */
    public static CookieOptions defaults() {
        return builder().build();
    }

    /** {@return a builder holding this value's settings, to derive a changed copy} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.path = path;
        b.domain = domain;
        b.httpOnly = httpOnly;
        b.secure = secure;
        b.maxAge = maxAge;
        b.expires = expires;
        b.sameSite = sameSite;
        b.partitioned = partitioned;
        b.priority = priority;
        return b;
    }

    /** {@return the cookie's {@code Path}, starting with {@code /}} */
    public String path() {
        return path;
    }

    /** {@return the cookie's {@code Domain}; empty (the default) for a host-only cookie} */
    public Optional<String> domain() {
        return Optional.ofNullable(domain);
    }

    /** {@return whether the cookie carries {@code HttpOnly}} */
    public boolean httpOnly() {
        return httpOnly;
    }

    /** {@return when the cookie carries {@code Secure}} */
    public SecureMode secure() {
        return secure;
    }

    /** {@return the idle lifetime of cookie and stored session; empty for a browser-session cookie} */
    public Optional<Duration> maxAge() {
        return Optional.ofNullable(maxAge);
    }

    /** {@return the fixed expiry of new sessions, if one was set instead of a max age} */
    public Optional<Instant> expires() {
        return Optional.ofNullable(expires);
    }

    /** {@return the {@code SameSite} setting; empty leaves the attribute out} */
    public Optional<SameSite> sameSite() {
        return Optional.ofNullable(sameSite);
    }

    /** {@return whether the cookie carries {@code Partitioned} (CHIPS)} */
    public boolean partitioned() {
        return partitioned;
    }

    /** {@return the cookie's {@code Priority}; empty leaves the attribute out} */
    public Optional<Priority> priority() {
        return Optional.ofNullable(priority);
    }

    /** Builds {@link CookieOptions}; every setter is checked again, together, in {@link #build()}. */
    public static final class Builder {
        private String path = "/";
        private String domain;
        private boolean httpOnly = true;
        private SecureMode secure = SecureMode.AUTO;
        private Duration maxAge;
        private Instant expires;
        private SameSite sameSite = SameSite.LAX;
        private boolean partitioned;
        private Priority priority;

        private Builder() {
        }

        /**
         * The cookie's {@code Path}; requests outside it get no session at all.
         *
         * @param path starts with {@code /}; checked by {@link #build()}
         * @return this builder
         */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /**
         * The cookie's {@code Domain}, to share it with subdomains; {@code null} (the default) keeps it
         * to the host that set it.
         *
         * @param domain a host name without {@code ;}, spaces or control characters, or {@code null}
         * @return this builder
         */
        public Builder domain(String domain) {
            this.domain = domain;
            return this;
        }

        /**
         * Whether scripts are kept from reading the cookie. Leave it on unless you know why not.
         *
         * @param httpOnly {@code true} by default
         * @return this builder
         */
        public Builder httpOnly(boolean httpOnly) {
            this.httpOnly = httpOnly;
            return this;
        }

        /**
         * When the cookie carries {@code Secure}; {@link SecureMode#AUTO} by default.
         *
         * <p>{@link SecureMode#ALWAYS} cannot be checked here: it is right for an app reached only
         * over HTTPS, and wrong only when a request in fact arrives over plain HTTP. Such a request
         * gets no cookie at all (a browser would refuse a {@code Secure} cookie from an insecure
         * origin), so every request starts a new session. So it is warned about, not refused: at
         * the first such request, once per session engine (one WARN, not one per request), naming
         * the fix, which behind a TLS-terminating proxy is {@code SessionOptions.Builder.proxy(true)}.
         *
         * @param secure not null
         * @return this builder
         */
        public Builder secure(SecureMode secure) {
            this.secure = secure;
            return this;
        }

        /**
         * {@code true} is {@link SecureMode#ALWAYS}, {@code false} is {@link SecureMode#NEVER}.
         *
         * @param secure whether every cookie carries {@code Secure}
         * @return this builder
         */
        public Builder secure(boolean secure) {
            return secure(secure ? SecureMode.ALWAYS : SecureMode.NEVER);
        }

        /**
         * Idle lifetime of the cookie and the stored session, restarted on every request that
         * uses the session; {@code null} (the default) makes a browser-session cookie.
         *
         * @param maxAge positive, or {@code null}
         * @return this builder
         */
        public Builder maxAge(Duration maxAge) {
            this.maxAge = maxAge;
            return this;
        }

        /**
         * A fixed expiry for new sessions. Prefer {@link #maxAge(Duration)}; the two exclude each
         * other. An instant already past when {@link #build()} runs is refused: the browser would
         * delete the cookie as it arrives, so no session could ever be kept.
         *
         * @param expires a future instant, or {@code null} (the default)
         * @return this builder
         */
        public Builder expires(Instant expires) {
            this.expires = expires;
            return this;
        }

        /**
         * {@code null} leaves the attribute out. {@link SameSite#NONE} needs
         * {@code secure(ALWAYS)} and is refused by {@link #build()} with {@code secure(AUTO)} (the
         * default) as well as with {@code NEVER}: under AUTO a plain-HTTP request would get
         * {@code SameSite=None} without {@code Secure}, which browsers reject. This is refused
         * rather than warned about because it is wrong whatever the requests turn out to be: if
         * they all use HTTPS, ALWAYS says the same thing; if some do not, those cookies are dropped.
         * {@link SameSite#AUTO} (None on HTTPS, Lax on HTTP) is the choice for an app that serves both.
         *
         * @param sameSite {@link SameSite#LAX} by default
         * @return this builder
         */
        public Builder sameSite(SameSite sameSite) {
            this.sameSite = sameSite;
            return this;
        }

        /**
         * Whether the cookie carries {@code Partitioned}, for a site embedded in others; needs
         * {@code Secure}, so {@link #build()} refuses it with {@link SecureMode#NEVER}.
         *
         * @param partitioned {@code false} by default
         * @return this builder
         */
        public Builder partitioned(boolean partitioned) {
            this.partitioned = partitioned;
            return this;
        }

        /**
         * The cookie's {@code Priority}, which Chrome uses to choose which cookies to evict first.
         *
         * @param priority {@code null} (the default) leaves the attribute out
         * @return this builder
         */
        public Builder priority(Priority priority) {
            this.priority = priority;
            return this;
        }

        /**
         * {@return the checked, immutable options}
         *
         * @throws IllegalArgumentException naming the option, for a path not starting with {@code /},
         *                                  unsafe characters, a non-positive max age, both max age and
         *                                  expires, an expiry in the past, or {@code SameSite=None} or
         *                                  {@code Partitioned} without {@code Secure}
         */
        public CookieOptions build() {
            CookieAttributeRules.checkPath(path);
            CookieAttributeRules.checkDomain(domain);
            if (secure == null) {
                throw new IllegalArgumentException("cookie.secure must be ALWAYS, NEVER or AUTO, not null");
            }
            if (maxAge != null && (maxAge.isZero() || maxAge.isNegative())) {
                throw new IllegalArgumentException("cookie.maxAge must be positive, got " + maxAge);
            }
            if (maxAge != null && expires != null) {
                throw new IllegalArgumentException("cookie.maxAge and cookie.expires exclude each other: set one");
            }
            if (sameSite == SameSite.NONE && secure == SecureMode.NEVER) {
                throw new IllegalArgumentException(
                        "cookie.sameSite NONE needs cookie.secure ALWAYS: browsers drop SameSite=None cookies without Secure");
            }
            if (sameSite == SameSite.NONE && secure == SecureMode.AUTO) {
                throw new IllegalArgumentException("cookie.sameSite NONE needs cookie.secure ALWAYS, not AUTO: a plain-HTTP"
                        + " request would get SameSite=None without Secure, which browsers drop. Set secure(SecureMode.ALWAYS)"
                        + " (behind a TLS-terminating proxy also proxy(true)), or sameSite(SameSite.AUTO) for None on"
                        + " HTTPS and Lax on plain HTTP");
            }
            if (expires != null && expires.isBefore(Instant.now())) {
                throw new IllegalArgumentException("cookie.expires is in the past (" + expires + "): browsers delete"
                        + " such a cookie as it arrives, so no session would be kept. Give a future instant, or use"
                        + " cookie.maxAge for a lifetime counted from each request");
            }
            if (partitioned && secure == SecureMode.NEVER) {
                throw new IllegalArgumentException(
                        "cookie.partitioned needs cookie.secure ALWAYS or AUTO: browsers drop Partitioned cookies without Secure");
            }
            return new CookieOptions(this);
        }
    }
}
