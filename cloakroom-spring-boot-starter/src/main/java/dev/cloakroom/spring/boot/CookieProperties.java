package dev.cloakroom.spring.boot;

import dev.cloakroom.Priority;

import java.time.Duration;

/**
 * The session cookie, {@code cloakroom.cookie.*} (express-session's {@code cookie} option).
 * Settings left unset take the matching {@code server.servlet.session.cookie.*} value when that
 * is set, and Cloakroom's defaults otherwise: path {@code /}, HttpOnly, Secure on secure requests,
 * SameSite=Lax, no max age (a browser-session cookie).
 */
public class CookieProperties {

    /** The cookie's Path; requests outside it get no session. Defaults to "/". */
    private String path;

    /** The cookie's Domain; unset sends it to the host that set it only. */
    private String domain;

    /** Whether scripts are kept from reading the cookie. Defaults to true. */
    private Boolean httpOnly;

    /** When the cookie carries Secure: always (true), never (false), or on secure requests (auto, the default). */
    private Secure secure;

    /**
     * Idle lifetime of the cookie and the stored session, restarted by every request that uses
     * the session; unset makes a browser-session cookie (or takes server.servlet.session.timeout
     * when that is set).
     */
    private Duration maxAge;

    /** The cookie's SameSite attribute; auto sends None on secure requests and Lax otherwise. Defaults to lax. */
    private SameSite sameSite;

    /** Whether the cookie is Partitioned (CHIPS); needs secure true or auto. Defaults to false. */
    private Boolean partitioned;

    /** The cookie's Priority attribute (Chromium); unset leaves it out. */
    private Priority priority;

    /** Values of {@code cloakroom.cookie.secure}. */
    public enum Secure {
        /** Always Secure; a plain-HTTP request then gets no cookie at all. */
        TRUE,
        /** Never Secure. */
        FALSE,
        /** Secure exactly on requests that arrived over HTTPS. */
        AUTO
    }

    /** Values of {@code cloakroom.cookie.same-site}. */
    public enum SameSite {
        /** {@code SameSite=Strict}: never sent on a request another site started. */
        STRICT,
        /** {@code SameSite=Lax}: sent on top-level navigations from other sites; the default. */
        LAX,
        /** {@code SameSite=None}: sent on every cross-site request; needs secure true. */
        NONE,
        /** None on secure requests, Lax otherwise, decided when the session is created. */
        AUTO,
        /** No SameSite attribute at all. */
        OMITTED
    }

    /**
     * {@return {@code cloakroom.cookie.path}} The cookie's Path; requests outside it get no
     * session. Defaults to "/".
     */
    public String getPath() {
        return path;
    }

    /**
     * Sets {@code cloakroom.cookie.path}; see {@link #getPath()}.
     *
     * @param path the value
     */
    public void setPath(String path) {
        this.path = path;
    }

    /**
     * {@return {@code cloakroom.cookie.domain}} The cookie's Domain; unset sends it to the host
     * that set it only.
     */
    public String getDomain() {
        return domain;
    }

    /**
     * Sets {@code cloakroom.cookie.domain}; see {@link #getDomain()}.
     *
     * @param domain the value
     */
    public void setDomain(String domain) {
        this.domain = domain;
    }

    /**
     * {@return {@code cloakroom.cookie.http-only}} Whether scripts are kept from reading the
     * cookie. Defaults to true.
     */
    public Boolean getHttpOnly() {
        return httpOnly;
    }

    /**
     * Sets {@code cloakroom.cookie.http-only}; see {@link #getHttpOnly()}.
     *
     * @param httpOnly the value
     */
    public void setHttpOnly(Boolean httpOnly) {
        this.httpOnly = httpOnly;
    }

    /**
     * {@return {@code cloakroom.cookie.secure}} When the cookie carries Secure: always (true),
     * never (false), or on secure requests (auto, the default).
     */
    public Secure getSecure() {
        return secure;
    }

    /**
     * Sets {@code cloakroom.cookie.secure}; see {@link #getSecure()}.
     *
     * @param secure the value
     */
    public void setSecure(Secure secure) {
        this.secure = secure;
    }

    /**
     * {@return {@code cloakroom.cookie.max-age}} Idle lifetime of the cookie and the stored
     * session, restarted by every request that uses the session; unset makes a browser-session
     * cookie (or takes server.servlet.session.timeout when that is set).
     */
    public Duration getMaxAge() {
        return maxAge;
    }

    /**
     * Sets {@code cloakroom.cookie.max-age}; see {@link #getMaxAge()}.
     *
     * @param maxAge the value
     */
    public void setMaxAge(Duration maxAge) {
        this.maxAge = maxAge;
    }

    /**
     * {@return {@code cloakroom.cookie.same-site}} The cookie's SameSite attribute; auto sends None
     * on secure requests and Lax otherwise. Defaults to lax.
     */
    public SameSite getSameSite() {
        return sameSite;
    }

    /**
     * Sets {@code cloakroom.cookie.same-site}; see {@link #getSameSite()}.
     *
     * @param sameSite the value
     */
    public void setSameSite(SameSite sameSite) {
        this.sameSite = sameSite;
    }

    /**
     * {@return {@code cloakroom.cookie.partitioned}} Whether the cookie is Partitioned (CHIPS);
     * needs secure true or auto. Defaults to false.
     */
    public Boolean getPartitioned() {
        return partitioned;
    }

    /**
     * Sets {@code cloakroom.cookie.partitioned}; see {@link #getPartitioned()}.
     *
     * @param partitioned the value
     */
    public void setPartitioned(Boolean partitioned) {
        this.partitioned = partitioned;
    }

    /**
     * {@return {@code cloakroom.cookie.priority}} The cookie's Priority attribute (Chromium); unset
     * leaves it out.
     */
    public Priority getPriority() {
        return priority;
    }

    /**
     * Sets {@code cloakroom.cookie.priority}; see {@link #getPriority()}.
     *
     * @param priority the value
     */
    public void setPriority(Priority priority) {
        this.priority = priority;
    }
}
