package dev.cloakroom.internal;

import java.util.List;
import java.util.Optional;

/**
 * Finds the session id in a request's {@code Cookie} headers. Anything doubtful is "no session":
 * the caller then creates a new session and never asks the store about the presented value.
 */
public final class SessionCookieReader {

    /** Browsers cap a cookie at 4096 bytes; a longer value is not one we wrote. */
    public static final int MAX_VALUE_LENGTH = 4096;

    private final String name;
    private final CookieSigner signer;

    /**
     * A reader of the cookie {@code name}.
     *
     * @param name   the session cookie's name
     * @param signer the secrets that verify it
     */
    public SessionCookieReader(String name, CookieSigner signer) {
        this.name = name;
        this.signer = signer;
    }

    /**
     * The verified session id, or empty when the cookie is absent, oversized, quoted, not
     * URL-decodable, unsigned, signed with no known secret, or present more than once with
     * different values. The last case differs from express-session, which takes the first:
     * a sibling subdomain can plant a second cookie of the same name ("cookie tossing"), and
     * guessing which one the browser meant is how fixation starts.
     *
     * @param cookieHeaders every {@code Cookie} header of the request
     * @return the verified session id, or empty
     */
    public Optional<String> read(List<String> cookieHeaders) {
        String raw = null;
        for (String header : cookieHeaders) {
            int start = 0;
            int len = header.length();
            while (start < len) {
                int end = header.indexOf(';', start);
                if (end < 0) {
                    end = len;
                }
                int eq = indexOf(header, '=', start, end);
                if (eq >= 0 && header.substring(start, eq).trim().equals(name)) {
                    String value = header.substring(eq + 1, end).trim();
                    if (raw != null && !raw.equals(value)) {
                        return Optional.empty();
                    }
                    raw = value;
                }
                start = end + 1;
            }
        }
        if (raw == null || raw.isEmpty() || raw.length() > MAX_VALUE_LENGTH || raw.charAt(0) == '"') {
            return Optional.empty();
        }
        Optional<String> decoded = UriComponent.decode(raw);
        if (decoded.isEmpty() || !decoded.get().startsWith("s:")) {
            return Optional.empty();
        }
        return signer.unsign(decoded.get().substring(2)).filter(id -> !id.isEmpty());
    }

    /** Like {@link String#indexOf(int, int)} but stops at {@code end}, so a long header is read once, not once per pair. */
    private static int indexOf(String s, char c, int from, int end) {
        for (int i = from; i < end; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
