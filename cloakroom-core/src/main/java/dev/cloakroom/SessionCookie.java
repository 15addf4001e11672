package dev.cloakroom;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The session cookie, as express-session's {@code req.session.cookie}. Its attributes are kept in
 * the stored session and used for this session's {@code Set-Cookie} from then on, whatever the
 * options say for new sessions. A change made here to a stored session counts as a change: the
 * session is saved and the cookie sent with the response. Setters return this cookie, for chaining,
 * and refuse a value browsers would reject with {@link IllegalArgumentException}.
 *
 * <p>Changing the path or the domain gives the browser a second cookie beside the one it holds (a
 * cookie is known by name, domain and path); the old one stays until it expires.
 */
public interface SessionCookie {

    /** {@return when the cookie and the session expire; empty for a browser-session cookie} */
    Optional<Instant> expires();

    /** Sets a fixed expiry ({@code null} for a browser-session cookie); {@link #originalMaxAge()} follows it. */
    SessionCookie expires(Instant expires);

    /** {@return the time left until {@link #expires()}; empty for a browser-session cookie} */
    Optional<Duration> maxAge();

    /** Expires the cookie {@code maxAge} from now ({@code null} for a browser-session cookie). */
    SessionCookie maxAge(Duration maxAge);

    /** {@return the max age the cookie was given, which every touch restarts from} */
    Optional<Duration> originalMaxAge();

    /** The cookie's {@code Path}. */
    String path();

    /** Sets the {@code Path}, which must start with {@code /} and hold no {@code ;} or control character. */
    SessionCookie path(String path);

    /** The cookie's {@code Domain}; empty when the browser should send it to this host only. */
    Optional<String> domain();

    /** Sets the {@code Domain} ({@code null} for none): a host name without {@code ;}, spaces or control characters. */
    SessionCookie domain(String domain);

    /** Whether the cookie is marked {@code HttpOnly}, kept from scripts. */
    boolean httpOnly();

    /** Marks the cookie {@code HttpOnly} or not. Leave it on unless scripts must read the id. */
    SessionCookie httpOnly(boolean httpOnly);

    /** Whether the cookie is marked {@code Secure}. */
    boolean secure();

    /**
     * Marks the cookie {@code Secure} or not. A {@code Secure} cookie is not sent at all in answer
     * to a plain-HTTP request, as in express-session. Turning it off is refused while
     * {@link #sameSite()} is {@code NONE} or {@link #partitioned()} is set, which browsers need it for.
     */
    SessionCookie secure(boolean secure);

    /** The cookie's {@code SameSite}; empty when the attribute is left out. */
    Optional<SameSite> sameSite();

    /**
     * Sets {@code SameSite} ({@code null} leaves it out). {@link SameSite#AUTO} is refused: it is
     * decided when a session starts, from its first request. {@link SameSite#NONE} needs
     * {@link #secure(boolean) secure(true)} first.
     */
    SessionCookie sameSite(SameSite sameSite);

    /** Whether the cookie is marked {@code Partitioned}. */
    boolean partitioned();

    /** Marks the cookie {@code Partitioned} or not; {@code true} needs {@link #secure(boolean) secure(true)} first. */
    SessionCookie partitioned(boolean partitioned);

    /** The cookie's {@code Priority}; empty when the attribute is left out. */
    Optional<Priority> priority();

    /** Sets {@code Priority} ({@code null} leaves it out). */
    SessionCookie priority(Priority priority);
}
