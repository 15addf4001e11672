package dev.cloakroom.internal;

/**
 * The checks a cookie {@code Path} and {@code Domain} must pass before they are written into a
 * {@code Set-Cookie} header, shared by the options and by a handler's changes to a live cookie.
 * A {@code ;} or a control character would let the value end the attribute and start another.
 */
public final class CookieAttributeRules {

    private CookieAttributeRules() {
    }

    /**
     * Refuses a path that is null, does not start with {@code /}, or could break the header.
     *
     * @param path the path to check
     * @throws IllegalArgumentException naming {@code cookie.path}
     */
    public static void checkPath(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("cookie.path must start with '/', got " + (path == null ? "null" : "'" + path + "'"));
        }
        if (!isAttributeSafe(path)) {
            throw new IllegalArgumentException("cookie.path must not contain ';' or control characters");
        }
    }

    /**
     * Refuses a domain that is empty or holds a {@code ;}, a space or a control character; null (no domain) passes.
     *
     * @param domain the domain to check, or null
     * @throws IllegalArgumentException naming {@code cookie.domain}
     */
    public static void checkDomain(String domain) {
        if (domain != null && (domain.isEmpty() || !isAttributeSafe(domain) || domain.contains(" "))) {
            throw new IllegalArgumentException("cookie.domain must be a host name without ';', spaces or control characters");
        }
    }

    private static boolean isAttributeSafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || c == ';' || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
