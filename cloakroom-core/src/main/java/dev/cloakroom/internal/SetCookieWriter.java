package dev.cloakroom.internal;

import dev.cloakroom.Priority;
import dev.cloakroom.SameSite;

import java.time.Instant;
import java.time.LocalDateTime;
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

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private SetCookieWriter() {
    }

    /**
     * {@return {@code instant} in the HTTP date format of {@code Expires}, as JavaScript's {@code toUTCString()} writes it}
     *
     * @param instant the instant
     */
    public static String httpDate(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 1 || t.getYear() > 9999) {
            return UTC_STRING.format(instant);
        }
        // Every cookie with an expiry carries one; the formatter's general machinery costs more than the rest.
        StringBuilder out = new StringBuilder(29).append(DAYS[t.getDayOfWeek().ordinal()]).append(", ");
        SessionCodec.pad(out, t.getDayOfMonth(), 2).append(' ').append(MONTHS[t.getMonthValue() - 1]).append(' ');
        SessionCodec.pad(out, t.getYear(), 4).append(' ');
        SessionCodec.pad(out, t.getHour(), 2).append(':');
        SessionCodec.pad(out, t.getMinute(), 2).append(':');
        return SessionCodec.pad(out, t.getSecond(), 2).append(" GMT").toString();
    }

    /**
     * {@return a {@code Set-Cookie} value carrying the signed, URL-encoded session id}
     *
     * @param name        the cookie name
     * @param signedValue the session id with its signature
     * @param cookie      the attributes and expiry
     */
    public static String write(String name, String signedValue, CookieState cookie) {
        return format(name, UriComponent.encode(signedValue), cookie, cookie.expires().orElse(null));
    }

    /**
     * {@return a {@code Set-Cookie} value that makes the browser forget the session cookie} Same name,
     * path and domain, expired.
     *
     * @param name   the cookie name
     * @param cookie the attributes of the cookie to forget
     */
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
