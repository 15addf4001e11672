package dev.cloakroom.internal;

import dev.cloakroom.SessionExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps a response that carries the session cookie out of shared caches: a proxy or CDN that stored
 * it would give the cookie, and the session, to whoever asked next. {@code Cache-Control: private}
 * is what shared caches honour; {@code no-cache="Set-Cookie"}, the field-name form meant for this,
 * many of them ignore. The application's own value is merged, not replaced: {@code no-store} and
 * {@code private} already suffice, {@code public} and {@code s-maxage} (shared caches only) are
 * dropped, and the rest, such as {@code max-age} for the browser's own cache, stays.
 */
final class CacheHeaders {

    private static final Logger LOG = LoggerFactory.getLogger("dev.cloakroom");
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private CacheHeaders() {
    }

    static void markPrivate(SessionExchange exchange) {
        try {
            mark(exchange);
        } catch (UnsupportedOperationException e) {
            if (WARNED.compareAndSet(false, true)) {
                LOG.warn("{}; responses carrying the session cookie are not marked Cache-Control: private, so keep"
                        + " shared caches from storing them yourself, or set SessionOptions.Builder.cacheControl(false)",
                        e.getMessage());
            }
        }
    }

    private static void mark(SessionExchange exchange) {
        String cacheControl = merged(exchange.responseHeader("Cache-Control"));
        if (cacheControl != null) {
            exchange.setHeader("Cache-Control", cacheControl);
        }
        String vary = exchange.responseHeader("Vary");
        if (vary == null || vary.isBlank()) {
            exchange.setHeader("Vary", "Cookie");
        } else if (!hasToken(vary, "cookie") && !hasToken(vary, "*")) {
            exchange.setHeader("Vary", vary + ", Cookie");
        }
    }

    /** {@return the Cache-Control to send given the application's, or null to leave it as it is} */
    static String merged(String current) {
        if (current == null || current.isBlank()) {
            return "private";
        }
        List<String> kept = new ArrayList<>();
        kept.add("private");
        for (String directive : current.split(",")) {
            String d = directive.trim();
            String name = d.toLowerCase(Locale.ROOT);
            int eq = name.indexOf('=');
            name = (eq < 0 ? name : name.substring(0, eq)).trim();
            if (name.equals("no-store") || name.equals("private")) {
                return null;
            }
            if (!d.isEmpty() && !name.equals("public") && !name.equals("s-maxage")) {
                kept.add(d);
            }
        }
        return String.join(", ", kept);
    }

    private static boolean hasToken(String list, String token) {
        for (String t : list.split(",")) {
            if (t.trim().equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }
}
