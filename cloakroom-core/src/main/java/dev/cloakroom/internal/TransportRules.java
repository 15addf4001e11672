package dev.cloakroom.internal;

import dev.cloakroom.CookieOptions;
import dev.cloakroom.SameSite;
import dev.cloakroom.SecureMode;
import dev.cloakroom.SessionTransport;

import java.util.ArrayList;
import java.util.List;

/**
 * The options that mean nothing without a cookie. With header transport no cookie is sent, so a
 * cookie attribute set anyway is a misunderstanding (a {@code Secure} flag protects no header)
 * and is refused. {@code cookie.maxAge} and {@code cookie.expires} still set the session's lifetime.
 */
public final class TransportRules {

    private TransportRules() {
    }

    /**
     * {@return what is wrong with {@code cookie} under {@code transport}, naming the fix; null when nothing is}
     *
     * @param transport where the id travels
     * @param cookie    the settings new sessions get
     */
    public static String violation(SessionTransport transport, CookieOptions cookie) {
        if (transport.isCookie()) {
            return null;
        }
        CookieOptions defaults = CookieOptions.defaults();
        List<String> set = new ArrayList<>();
        if (!cookie.path().equals(defaults.path())) {
            set.add("path");
        }
        if (cookie.domain().isPresent()) {
            set.add("domain");
        }
        if (cookie.httpOnly() != defaults.httpOnly()) {
            set.add("httpOnly");
        }
        if (cookie.secure() != SecureMode.AUTO) {
            set.add("secure");
        }
        if (cookie.sameSite().orElse(null) != SameSite.LAX) {
            set.add("sameSite");
        }
        if (cookie.partitioned()) {
            set.add("partitioned");
        }
        if (cookie.priority().isPresent()) {
            set.add("priority");
        }
        if (set.isEmpty()) {
            return null;
        }
        return "transport " + transport.kind().name().toLowerCase(java.util.Locale.ROOT) + " sends no cookie, so cookie."
                + String.join(", cookie.", set) + " would have no effect: leave " + (set.size() == 1 ? "it" : "them")
                + " at the default, or use SessionTransport.cookie(). cookie.maxAge and cookie.expires still set the"
                + " session's lifetime";
    }
}
