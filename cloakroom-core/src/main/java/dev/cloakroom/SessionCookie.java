package dev.cloakroom;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The session cookie, as express-session's {@code req.session.cookie}. Changes made here are
 * sent with the response and kept in the stored session.
 */
public interface SessionCookie {

    /** When the cookie and the session expire; empty for a browser-session cookie. */
    Optional<Instant> expires();

    /** Sets a fixed expiry ({@code null} for a browser-session cookie); {@link #originalMaxAge()} follows it. */
    void expires(Instant expires);

    /** Time left until {@link #expires()}; empty for a browser-session cookie. */
    Optional<Duration> maxAge();

    /** Expires the cookie {@code maxAge} from now ({@code null} for a browser-session cookie). */
    void maxAge(Duration maxAge);

    /** The max age the cookie was given, which every touch restarts from. */
    Optional<Duration> originalMaxAge();

    String path();

    Optional<String> domain();

    boolean httpOnly();

    /** Whether the cookie is marked {@code Secure}. */
    boolean secure();

    Optional<SameSite> sameSite();

    boolean partitioned();

    Optional<Priority> priority();
}
