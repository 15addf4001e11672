package dev.cloakroom.internal;

/**
 * RFC 6265's path-match (section 5.1.4): whether a browser sends a cookie with {@code Path} of
 * {@code cookiePath} along with a request for {@code requestPath}. A plain prefix is not enough: a
 * cookie for {@code /app} goes to {@code /app} and {@code /app/...} but never to {@code /application},
 * so a session made there would be lost with its first response.
 */
final class CookiePaths {

    private CookiePaths() {
    }

    static boolean matches(String cookiePath, String requestPath) {
        if (requestPath == null || !requestPath.startsWith(cookiePath)) {
            return false;
        }
        return requestPath.length() == cookiePath.length() || cookiePath.endsWith("/")
                || requestPath.charAt(cookiePath.length()) == '/';
    }
}
