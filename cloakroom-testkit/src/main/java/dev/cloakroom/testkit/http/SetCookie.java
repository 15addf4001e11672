package dev.cloakroom.testkit.http;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One {@code Set-Cookie} header value taken apart: the name, the raw value, and the attributes
 * in the order the server wrote them, so tests can assert order and exact spelling.
 *
 * @param name       the cookie name
 * @param value      the value exactly as sent (still URL-encoded)
 * @param attributes every attribute after the first {@code ;}, in order
 * @param raw        the whole header value
 */
public record SetCookie(String name, String value, List<Attribute> attributes, String raw) {

    /**
     * An attribute such as {@code Path=/} ({@code value} "/") or {@code HttpOnly} ({@code value} null).
     *
     * @param name  the attribute name, as written
     * @param value the value after {@code =}, or {@code null} for none
     */
    public record Attribute(String name, String value) {
        @Override
        public String toString() {
            return value == null ? name : name + "=" + value;
        }
    }

    /**
     * A parsed header, its attribute list copied.
     *
     * @param name       the cookie name
     * @param value      the value exactly as sent (still URL-encoded)
     * @param attributes every attribute after the first {@code ;}, in order
     * @param raw        the whole header value
     */
    public SetCookie {
        attributes = List.copyOf(attributes);
    }

    /**
     * Parses a header value; whitespace around {@code ;} and {@code =} is dropped, nothing else is changed.
     *
     * @param header the {@code Set-Cookie} header value
     * @return the cookie
     */
    public static SetCookie parse(String header) {
        String[] parts = header.split(";");
        String pair = parts[0];
        int eq = pair.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("not a Set-Cookie value (no name=value): " + header);
        }
        List<Attribute> attributes = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            if (part.isEmpty()) {
                continue;
            }
            int aeq = part.indexOf('=');
            attributes.add(aeq < 0
                    ? new Attribute(part, null)
                    : new Attribute(part.substring(0, aeq).trim(), part.substring(aeq + 1).trim()));
        }
        return new SetCookie(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim(), attributes, header);
    }

    /** {@return the attribute names in order, such as {@code [Path, Expires, HttpOnly, SameSite]}} */
    public List<String> attributeNames() {
        return attributes.stream().map(Attribute::name).toList();
    }

    /**
     * {@return whether an attribute of this name is present}
     *
     * @param attribute the attribute name, in any case
     */
    public boolean has(String attribute) {
        return attributes.stream().anyMatch(a -> a.name().equalsIgnoreCase(attribute));
    }

    /**
     * {@return the value of the first attribute of this name; empty when absent or valueless}
     *
     * @param attribute the attribute name, in any case
     */
    public Optional<String> attribute(String attribute) {
        return attributes.stream()
                .filter(a -> a.name().equalsIgnoreCase(attribute))
                .map(Attribute::value)
                .filter(v -> v != null)
                .findFirst();
    }

    /** {@return the {@code Expires} attribute as an instant, when present} */
    public Optional<Instant> expires() {
        return attribute("Expires").map(SetCookie::parseHttpDate);
    }

    /** {@return what a browser would send back: {@code name=value}, for a {@code Cookie} request header} */
    public String toCookieHeader() {
        return name + "=" + value;
    }

    /**
     * Parses an IMF-fixdate such as {@code Thu, 01 Jan 1970 00:00:00 GMT}.
     *
     * @param text the date
     * @return the instant
     */
    public static Instant parseHttpDate(String text) {
        return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.US)).toInstant();
    }

    @Override
    public String toString() {
        return raw;
    }
}
