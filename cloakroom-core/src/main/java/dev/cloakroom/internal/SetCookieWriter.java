package dev.cloakroom.internal;

import dev.cloakroom.Priority;
import dev.cloakroom.SameSite;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes {@code Set-Cookie} values byte for byte as express-session does (through the npm
 * package cookie 0.7): attributes in the order Domain, Path, Expires, HttpOnly, Secure,
 * Partitioned, Priority, SameSite, and never {@code Max-Age}.
 */
public final class SetCookieWriter {

    /** JavaScript's {@code Date.prototype.toUTCString}: always two-digit days, unlike RFC_1123_DATE_TIME. */
    private static final DateTimeFormatter UTC_STRING =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private SetCookieWriter() {
    }

    public static String httpDate(Instant instant) {
        return UTC_STRING.format(instant);
    }

    /** A cookie carrying the signed, URL-encoded session id. */
    public static String write(String name, String signedValue, CookieState cookie) {
        return format(name, UriComponent.encode(signedValue), cookie, cookie.expires().orElse(null));
    }

    /** A cookie that makes the browser forget the session cookie (same name, path and domain, expired). */
    public static String clear(String name, CookieState cookie) {
        return format(name, "", cookie, Instant.EPOCH);
    }

    private static String format(String name, String value, CookieState cookie, Instant expires) {
        StringBuilder sb = new StringBuilder(128);
        sb.append(name).append('=').append(value);
        cookie.domain().ifPresent(d -> sb.append("; Domain=").append(d));
        sb.append("; Path=").append(cookie.path());
        if (expires != null) {
            sb.append("; Expires=").append(httpDate(expires));
        }
        if (cookie.httpOnly()) {
            sb.append("; HttpOnly");
        }
        if (cookie.secure()) {
            sb.append("; Secure");
        }
        if (cookie.partitioned()) {
            sb.append("; Partitioned");
        }
        cookie.priority().map(Priority::attributeValue).ifPresent(p -> sb.append("; Priority=").append(p));
        cookie.sameSite().map(SameSite::attributeValue).ifPresent(s -> sb.append("; SameSite=").append(s));
        return sb.toString();
    }
}
