package dev.cloakroom;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The session cookie, as express-session's {@code req.session.cookie}. Changes made here are
 * sent with the response and kept in the stored session.
 */
public interface SessionCookie {

    /** {@return when the cookie and the session expire; empty for a browser-session cookie} */
    Optional<Instant> expires();

    /**
     * Sets a fixed expiry; {@link #originalMaxAge()} follows it.
     *
     * @param expires the instant, or {@code null} for a browser-session cookie
     */
    void expires(Instant expires);

    /** {@return the time left until {@link #expires()}; empty for a browser-session cookie} */
    Optional<Duration> maxAge();

    /**
     * Expires the cookie {@code maxAge} from now.
     *
     * @param maxAge the lifetime, or {@code null} for a browser-session cookie
     */
    void maxAge(Duration maxAge);

    /** {@return the max age the cookie was given, which every touch restarts from} */
    Optional<Duration> originalMaxAge();

    /** {@return the cookie's {@code Path}} */
    String path();

    /** {@return the cookie's {@code Domain}; empty for a host-only cookie} */
    Optional<String> domain();

    /** {@return whether the cookie is marked {@code HttpOnly}} */
    boolean httpOnly();

    /** {@return whether the cookie is marked {@code Secure}} */
    boolean secure();

    /** {@return the cookie's {@code SameSite}, {@link SameSite#AUTO} already decided for this session; empty when left out} */
    Optional<SameSite> sameSite();

    /** {@return whether the cookie is marked {@code Partitioned}} */
    boolean partitioned();

    /** {@return the cookie's {@code Priority}; empty when left out} */
    Optional<Priority> priority();
}
