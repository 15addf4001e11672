package dev.cloakroom.servlet.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;

/**
 * Takes the id out of a session cookie core has already verified ({@code s:<id>.<signature>},
 * URL-encoded). Core accepts the cookie only when every copy of it carries the same value, so
 * the first one found is the one core checked.
 */
final class RequestedId {

    private RequestedId() {
    }

    static String find(Enumeration<String> cookieHeaders, String name) {
        while (cookieHeaders != null && cookieHeaders.hasMoreElements()) {
            for (String pair : cookieHeaders.nextElement().split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
                    return idOf(pair.substring(eq + 1).trim());
                }
            }
        }
        return null;
    }

    /**
     * The id in a header token core has already verified: {@code <id>.<signature>}, after
     * {@code Bearer } in an {@code Authorization} header.
     */
    static String inToken(String header) {
        if (header == null) {
            return null;
        }
        String token = header.trim();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).trim();
        }
        int dot = token.lastIndexOf('.');
        return dot > 0 ? token.substring(0, dot) : null;
    }

    /** Percent-decoding that leaves {@code +} alone, as cookie values (unlike form fields) need. */
    private static String idOf(String raw) {
        String value;
        try {
            value = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int dot = value.lastIndexOf('.');
        return value.startsWith("s:") && dot > 2 ? value.substring(2, dot) : null;
    }
}
