package dev.cloakroom.internal;

import dev.cloakroom.CookieOptions;
import dev.cloakroom.ReservedNames;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.SessionTransport;
import dev.cloakroom.UnsetAction;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The checks {@link SessionOptions.Builder#build()} makes, each failing at startup with a message
 * that names the option and says what to do, so no invalid {@code SessionOptions} can exist.
 */
public final class OptionChecks {

    private OptionChecks() {
    }

    /**
     * One secret's key bytes, and why it is refused, if it is.
     *
     * @param bytes the HMAC key
     * @param fault {@code "blank"} or {@code "empty"} when refused, otherwise null
     */
    public record Secret(byte[] bytes, String fault) {
    }

    /**
     * {@return a string secret as its UTF-8 bytes, or null for null}
     *
     * @param secret the secret as given
     */
    public static Secret secret(String secret) {
        return secret == null ? null : new Secret(secret.getBytes(StandardCharsets.UTF_8), secret.isBlank() ? "blank" : null);
    }

    /**
     * {@return a copy of a binary secret, or null for null}
     *
     * @param secret the key bytes as given
     */
    public static Secret secret(byte[] secret) {
        return secret == null ? null : new Secret(secret.clone(), secret.length == 0 ? "empty" : null);
    }

    /**
     * {@return {@code secret}, refused when it is a null entry of a list}
     *
     * @param secret one entry of the secrets given
     * @throws IllegalArgumentException for null
     */
    public static Secret entry(Secret secret) {
        if (secret == null) {
            throw new IllegalArgumentException("secret must not contain null");
        }
        return secret;
    }

    /**
     * Refuses no secret at all, and a blank or empty one, saying which of several it is.
     *
     * @param secrets the secrets, newest first
     * @throws IllegalArgumentException naming the secret
     */
    public static void secrets(List<Secret> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("secret is required: give one secret, or a list whose first entry signs");
        }
        for (int i = 0; i < secrets.size(); i++) {
            String fault = secrets.get(i).fault();
            if (fault != null) {
                throw new IllegalArgumentException("secret must not be " + fault + (secrets.size() > 1 ? " (secret #" + (i + 1)
                        + " of " + secrets.size() + " is)" : "") + ": use at least 32 random bytes, e.g. from"
                        + " 'openssl rand -base64 32', kept out of source control");
            }
        }
    }

    /**
     * Refuses a cookie name that is not an RFC 6265 token.
     *
     * @param name the cookie name
     * @throws IllegalArgumentException naming the option
     */
    public static void name(String name) {
        if (name == null || name.isEmpty() || !isToken(name)) {
            throw new IllegalArgumentException("name must be a non-empty cookie name (RFC 6265 token), got "
                    + (name == null ? "null" : "'" + name + "'"));
        }
    }

    /**
     * Refuses a null choice where one of an enum's values is required.
     *
     * @param unset         the {@code unset} option
     * @param reservedNames the {@code reservedNames} option
     * @throws IllegalArgumentException naming the option
     */
    public static void choices(UnsetAction unset, ReservedNames reservedNames) {
        if (unset == null) {
            throw new IllegalArgumentException("unset must be KEEP or DESTROY, not null");
        }
        if (reservedNames == null) {
            throw new IllegalArgumentException("reservedNames must be WARN, REFUSE or ALLOW, not null");
        }
    }

    /**
     * Refuses a null or negative {@code touchAfter} and a {@code maxSessionBytes} below
     * {@link SessionOptions#MIN_MAX_SESSION_BYTES}.
     *
     * @param touchAfter      the {@code touchAfter} option
     * @param maxSessionBytes the {@code maxSessionBytes} option
     * @throws IllegalArgumentException naming the option
     */
    public static void limits(Duration touchAfter, int maxSessionBytes) {
        if (touchAfter == null || touchAfter.isNegative()) {
            throw new IllegalArgumentException("touchAfter must be zero or positive");
        }
        if (maxSessionBytes < SessionOptions.MIN_MAX_SESSION_BYTES) {
            throw new IllegalArgumentException("maxSessionBytes must be at least " + SessionOptions.MIN_MAX_SESSION_BYTES
                    + " (an empty session's cookie object alone takes about 150), got " + maxSessionBytes);
        }
    }

    /**
     * With a cookie, refuses a name too long for its value or settings its prefix forbids; with a
     * header, refuses cookie settings and {@code rolling}, which would do nothing.
     *
     * @param transport    where the id travels
     * @param name         the cookie name
     * @param defaultGenid whether ids come from the default generator, whose longest id is known
     * @param fixedCookie  the cookie settings, or null when they are decided per request
     * @param rolling      the {@code rolling} option
     * @throws IllegalArgumentException naming the option
     */
    public static void transport(SessionTransport transport, String name, boolean defaultGenid, CookieOptions fixedCookie,
                                 boolean rolling) {
        if (transport.isCookie()) {
            CookieNameRules.checkNameLength(name, defaultGenid
                    ? CookieNameRules.LONGEST_DEFAULT_VALUE_BYTES : CookieNameRules.SHORTEST_VALUE_BYTES);
            fail(fixedCookie == null ? null : CookieNameRules.violation(name, fixedCookie));
            return;
        }
        fail(fixedCookie == null ? null : TransportRules.violation(transport, fixedCookie));
        if (rolling) {
            throw new IllegalArgumentException("rolling resends the cookie with a fresh expiry, and transport "
                    + transport.kind().name().toLowerCase(Locale.ROOT) + " sends no cookie: leave"
                    + " rolling off (the token never expires on the client; the store's expiry still rolls)");
        }
    }

    /**
     * Refuses a timeout that is not positive, and an {@code idleTimeout} that could never end a
     * session: not shorter than {@code absoluteTimeout}, longer than a fixed {@code cookie.maxAge},
     * or not longer than {@code touchAfter}.
     *
     * @param idleTimeout     the {@code idleTimeout} option, or null
     * @param absoluteTimeout the {@code absoluteTimeout} option, or null
     * @param fixedCookie     the cookie settings, or null when they are decided per request
     * @param touchAfter      the {@code touchAfter} option, already checked
     * @throws IllegalArgumentException naming the options
     */
    public static void timeouts(Duration idleTimeout, Duration absoluteTimeout, CookieOptions fixedCookie, Duration touchAfter) {
        if (idleTimeout != null && (idleTimeout.isZero() || idleTimeout.isNegative())) {
            throw new IllegalArgumentException("idleTimeout must be positive, got " + idleTimeout);
        }
        if (absoluteTimeout != null && (absoluteTimeout.isZero() || absoluteTimeout.isNegative())) {
            throw new IllegalArgumentException("absoluteTimeout must be positive, got " + absoluteTimeout);
        }
        if (idleTimeout == null) {
            return;
        }
        if (absoluteTimeout != null && idleTimeout.compareTo(absoluteTimeout) >= 0) {
            throw new IllegalArgumentException("idleTimeout (" + idleTimeout + ") must be shorter than absoluteTimeout ("
                    + absoluteTimeout + "): no session could ever idle out before its absolute end");
        }
        Duration maxAge = fixedCookie == null ? null : fixedCookie.maxAge().orElse(null);
        if (maxAge != null && idleTimeout.compareTo(maxAge) > 0) {
            throw new IllegalArgumentException("idleTimeout (" + idleTimeout + ") must not be longer than cookie.maxAge ("
                    + maxAge + "): the browser forgets the cookie first, so the idle limit would never end a session."
                    + " Shorten idleTimeout, or leave it unset to let cookie.maxAge be the idle limit");
        }
        if (!touchAfter.isZero() && touchAfter.compareTo(idleTimeout) >= 0) {
            throw new IllegalArgumentException("touchAfter (" + touchAfter + ") must be shorter than idleTimeout ("
                    + idleTimeout + "): a session in use would otherwise idle out between two touches");
        }
    }

    /**
     * {@return whether {@code s} is an HTTP token (RFC 9110), as cookie and header names must be}
     *
     * @param s the name
     */
    public static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static void fail(String violation) {
        if (violation != null) {
            throw new IllegalArgumentException(violation);
        }
    }
}
