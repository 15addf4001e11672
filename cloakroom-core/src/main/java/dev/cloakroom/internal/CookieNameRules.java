package dev.cloakroom.internal;

import dev.cloakroom.CookieOptions;
import dev.cloakroom.SecureMode;

import java.nio.charset.StandardCharsets;

/**
 * What a cookie's name demands of it (RFC 6265bis). A {@code __Secure-} cookie is kept by browsers
 * only when it carries {@code Secure}; a {@code __Host-} cookie only with {@code Secure}, an explicit
 * {@code Path=/} and no {@code Domain}. Browsers match both prefixes in any case ({@code __HOST-} too),
 * and so does this. A cookie whose name and value together exceed {@value #MAX_NAME_AND_VALUE_BYTES}
 * bytes is ignored altogether. A cookie a browser would drop silently is refused here, loudly.
 */
public final class CookieNameRules {

    /** RFC 6265bis: a user agent ignores a cookie whose name plus value is longer. */
    public static final int MAX_NAME_AND_VALUE_BYTES = 4096;

    /** {@code s%3A}, a one-character id, {@code .} and a 43-character signature: the shortest value a cookie can have. */
    public static final int SHORTEST_VALUE_BYTES = 4 + 1 + 1 + 43;

    /** The longest value of a default id: {@code s%3A}, 32 characters, {@code .}, and 43 that may each encode to 3. */
    public static final int LONGEST_DEFAULT_VALUE_BYTES = 4 + 32 + 1 + 43 * 3;

    /** The prefix a cookie name starts with, if any. */
    public enum Prefix {
        /** No prefix: no extra rule. */
        NONE(""),
        /** {@code __Secure-}: needs {@code Secure}. */
        SECURE("__Secure-"),
        /** {@code __Host-}: needs {@code Secure}, {@code Path=/} and no {@code Domain}. */
        HOST("__Host-");

        private final String text;

        Prefix(String text) {
            this.text = text;
        }

        /** {@return the prefix as written in the spec, such as {@code __Host-}} */
        public String text() {
            return text;
        }
    }

    private CookieNameRules() {
    }

    /**
     * {@return the prefix {@code name} starts with, compared in any case as browsers do}
     *
     * @param name a cookie name
     */
    public static Prefix prefixOf(String name) {
        if (name.regionMatches(true, 0, Prefix.HOST.text, 0, Prefix.HOST.text.length())) {
            return Prefix.HOST;
        }
        if (name.regionMatches(true, 0, Prefix.SECURE.text, 0, Prefix.SECURE.text.length())) {
            return Prefix.SECURE;
        }
        return Prefix.NONE;
    }

    /**
     * {@return why a cookie called {@code name} with {@code cookie}'s settings would be dropped by
     * browsers, naming the fix; null when it would be kept}
     *
     * @param name   the cookie name
     * @param cookie the settings new sessions get
     */
    public static String violation(String name, CookieOptions cookie) {
        Prefix prefix = prefixOf(name);
        if (prefix == Prefix.NONE) {
            return null;
        }
        String intro = "cookie name '" + name + "' starts with " + prefix.text + ", which browsers accept only ";
        if (cookie.secure() != SecureMode.ALWAYS) {
            return intro + "with Secure: set cookie.secure(SecureMode.ALWAYS) (behind a TLS-terminating proxy also"
                    + " proxy(true)), not " + cookie.secure() + (cookie.secure() == SecureMode.AUTO
                    ? ", under which a plain-HTTP request would get the cookie without Secure and the browser would drop it"
                    : "") + "; or choose a name without the prefix";
        }
        if (prefix == Prefix.HOST && !cookie.path().equals("/")) {
            return intro + "with Path=/: remove cookie.path('" + cookie.path() + "'), or use the __Secure- prefix"
                    + " for a cookie limited to a path";
        }
        if (prefix == Prefix.HOST && cookie.domain().isPresent()) {
            return intro + "without a Domain: remove cookie.domain('" + cookie.domain().get() + "'), or use the"
                    + " __Secure- prefix for a cookie shared with subdomains";
        }
        return null;
    }

    /**
     * Refuses a name so long that a session cookie with it could pass the size limit.
     *
     * @param name       the cookie name, an ASCII token
     * @param valueBytes the longest value the ids will make, or the shortest any id makes when they are not known
     * @throws IllegalArgumentException naming the option
     */
    public static void checkNameLength(String name, int valueBytes) {
        if (name.length() + valueBytes > MAX_NAME_AND_VALUE_BYTES) {
            throw new IllegalArgumentException("name is " + name.length() + " characters long: with a signed value of "
                    + valueBytes + " bytes the cookie could exceed " + MAX_NAME_AND_VALUE_BYTES
                    + " bytes of name plus value, and browsers ignore such a cookie. Use a short name such as connect.sid");
        }
    }

    /**
     * Refuses a cookie whose name and encoded value exceed the limit: it would never come back.
     *
     * @param name         the cookie name
     * @param encodedValue the value as sent, {@code s%3A<id>.<signature>}
     * @param idLength     the length of the id inside it, for the message
     * @throws IllegalStateException naming genid, which made the id
     */
    static void checkCookieSize(String name, String encodedValue, int idLength) {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length + encodedValue.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_NAME_AND_VALUE_BYTES) {
            throw new IllegalStateException("genid returned a session id of " + idLength + " characters: the cookie "
                    + name + " would be " + bytes + " bytes, name plus signed, encoded value, over the "
                    + MAX_NAME_AND_VALUE_BYTES + " browsers accept, so it would never come back. Return shorter ids"
                    + " (the default is 32 characters)");
        }
    }

    /**
     * Refuses a handler's change to a live cookie that would break its name's prefix rule.
     *
     * @param name   the cookie name
     * @param secure whether the cookie stays {@code Secure}
     * @param path   the path it would have
     * @param domain the domain it would have, or null
     * @throws IllegalArgumentException naming the rule
     */
    static void checkChange(String name, boolean secure, String path, String domain) {
        Prefix prefix = prefixOf(name);
        if (prefix == Prefix.NONE) {
            return;
        }
        String intro = "the cookie " + name + " starts with " + prefix.text + ", which browsers accept only ";
        if (!secure) {
            throw new IllegalArgumentException(intro + "with Secure: cookie.secure cannot be turned off");
        }
        if (prefix == Prefix.HOST && !path.equals("/")) {
            throw new IllegalArgumentException(intro + "with Path=/: cookie.path cannot be '" + path + "'");
        }
        if (prefix == Prefix.HOST && domain != null) {
            throw new IllegalArgumentException(intro + "without a Domain: cookie.domain cannot be set");
        }
    }
}
