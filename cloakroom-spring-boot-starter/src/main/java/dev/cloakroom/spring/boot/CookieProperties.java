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
        STRICT,
        LAX,
        NONE,
        /** None on secure requests, Lax otherwise, decided when the session is created. */
        AUTO,
        /** No SameSite attribute at all. */
        OMITTED
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public Boolean getHttpOnly() {
        return httpOnly;
    }

    public void setHttpOnly(Boolean httpOnly) {
        this.httpOnly = httpOnly;
    }

    public Secure getSecure() {
        return secure;
    }

    public void setSecure(Secure secure) {
        this.secure = secure;
    }

    public Duration getMaxAge() {
        return maxAge;
    }

    public void setMaxAge(Duration maxAge) {
        this.maxAge = maxAge;
    }

    public SameSite getSameSite() {
        return sameSite;
    }

    public void setSameSite(SameSite sameSite) {
        this.sameSite = sameSite;
    }

    public Boolean getPartitioned() {
        return partitioned;
    }

    public void setPartitioned(Boolean partitioned) {
        this.partitioned = partitioned;
    }

    public Priority getPriority() {
        return priority;
    }

    public void setPriority(Priority priority) {
        this.priority = priority;
    }
}
