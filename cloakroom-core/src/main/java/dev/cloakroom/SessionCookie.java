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

    /**
     * Sets a fixed expiry; {@link #originalMaxAge()} follows it.
     *
     * @param expires the instant, or {@code null} for a browser-session cookie
     * @return this cookie
     */
    SessionCookie expires(Instant expires);

    /** {@return the time left until {@link #expires()}; empty for a browser-session cookie} */
    Optional<Duration> maxAge();

    /**
     * Expires the cookie {@code maxAge} from now.
     *
     * @param maxAge the lifetime, or {@code null} for a browser-session cookie
     * @return this cookie
     */
    SessionCookie maxAge(Duration maxAge);

    /** {@return the max age the cookie was given, which every touch restarts from} */
    Optional<Duration> originalMaxAge();

    /** {@return the cookie's {@code Path}} */
    String path();

    /**
     * Sets the {@code Path}.
     *
     * @param path starts with {@code /} and holds no {@code ;} or control character
     * @return this cookie
     * @throws IllegalArgumentException for any other path, or one its name's prefix forbids
     */
    SessionCookie path(String path);

    /** {@return the cookie's {@code Domain}; empty when the browser should send it to this host only} */
    Optional<String> domain();

    /**
     * Sets the {@code Domain}.
     *
     * @param domain a host name without {@code ;}, spaces or control characters, or {@code null} for none
     * @return this cookie
     * @throws IllegalArgumentException for any other value, or a domain its name's prefix forbids
     */
    SessionCookie domain(String domain);

    /** {@return whether the cookie is marked {@code HttpOnly}, kept from scripts} */
    boolean httpOnly();

    /**
     * Marks the cookie {@code HttpOnly} or not. Leave it on unless scripts must read the id.
     *
     * @param httpOnly whether scripts are kept from the cookie
     * @return this cookie
     */
    SessionCookie httpOnly(boolean httpOnly);

    /** {@return whether the cookie is marked {@code Secure}} */
    boolean secure();

    /**
     * Marks the cookie {@code Secure} or not. A {@code Secure} cookie is not sent at all in answer
     * to a plain-HTTP request, as in express-session. Turning it off is refused while
     * {@link #sameSite()} is {@code NONE} or {@link #partitioned()} is set, which browsers need it for.
     *
     * @param secure whether the cookie is marked {@code Secure}
     * @return this cookie
     * @throws IllegalArgumentException when turning it off is refused, as above or by the name's prefix
     */
    SessionCookie secure(boolean secure);

    /** {@return the cookie's {@code SameSite}; empty when the attribute is left out} */
    Optional<SameSite> sameSite();

    /**
     * Sets {@code SameSite} ({@code null} leaves it out). {@link SameSite#AUTO} is refused: it is
     * decided when a session starts, from its first request. {@link SameSite#NONE} needs
     * {@link #secure(boolean) secure(true)} first.
     *
     * @param sameSite the value, or {@code null} to leave the attribute out
     * @return this cookie
     * @throws IllegalArgumentException for {@code AUTO}, or {@code NONE} on a cookie that is not {@code Secure}
     */
    SessionCookie sameSite(SameSite sameSite);

    /** {@return whether the cookie is marked {@code Partitioned}} */
    boolean partitioned();

    /**
     * Marks the cookie {@code Partitioned} or not.
     *
     * @param partitioned whether it is partitioned; {@code true} needs {@link #secure(boolean) secure(true)} first
     * @return this cookie
     * @throws IllegalArgumentException for {@code true} on a cookie that is not {@code Secure}
     */
    SessionCookie partitioned(boolean partitioned);

    /** {@return the cookie's {@code Priority}; empty when the attribute is left out} */
    Optional<Priority> priority();

    /**
     * Sets {@code Priority}.
     *
     * @param priority the value, or {@code null} to leave the attribute out
     * @return this cookie
     */
    SessionCookie priority(Priority priority);
}
