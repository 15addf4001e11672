package dev.cloakroom.internal;

import dev.cloakroom.SameSite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Holds a stored cookie's attributes to the rules a handler's changes must pass before they reach
 * {@code Set-Cookie}. They come from the store, which a Node app sharing it, or anyone who can write
 * to it, may fill with a path of {@code /; Max-Age=99999999}: written back as it is, that adds an
 * attribute nobody configured. An attribute that fails is replaced by the configured one, which
 * makes the cookie a change, so the repaired session is saved and the warning is not repeated.
 */
final class StoredCookieCheck {

    private static final Logger LOG = LoggerFactory.getLogger("dev.cloakroom");

    private StoredCookieCheck() {
    }

    /**
     * Replaces what {@code stored} may not carry by what {@code configured} gives, with one WARN
     * naming the session by fingerprint and the attributes by name; their values are not logged, as
     * they may hold line breaks or other text meant for somewhere else.
     *
     * @param stored     the cookie as the store had it
     * @param configured the cookie a new session would get on this request; asked only when needed
     * @param id         the session's id, for the fingerprint
     */
    static void repair(CookieState stored, Supplier<CookieState> configured, String id) {
        List<String> replaced = new ArrayList<>(2);
        if (!passes(() -> CookieAttributeRules.checkPath(stored.path))) {
            replaced.add("path");
        }
        if (!passes(() -> CookieAttributeRules.checkDomain(stored.domain))) {
            replaced.add("domain");
        }
        if (stored.unreadable != null) {
            replaced.addAll(stored.unreadable);
        }
        if (stored.sameSite == SameSite.NONE && !stored.secure) {
            // Browsers drop a SameSite=None cookie without Secure, which SessionCookie refuses too.
            replaced.add("sameSite");
        }
        if (stored.name != null && !replaced.contains("path") && !replaced.contains("domain")
                && !passes(() -> CookieNameRules.checkChange(stored.name, true, stored.path, stored.domain))) {
            // A __Host- cookie with another path or a domain: the browser would refuse it.
            replaced.add("path");
            replaced.add("domain");
        }
        if (replaced.isEmpty()) {
            return;
        }
        CookieState fresh = configured.get();
        for (String attribute : replaced) {
            switch (attribute) {
                case "path" -> stored.path = fresh.path;
                case "domain" -> stored.domain = fresh.domain;
                case "sameSite" -> stored.sameSite = fresh.sameSite == SameSite.NONE && !stored.secure ? SameSite.LAX : fresh.sameSite;
                case "priority" -> stored.priority = fresh.priority;
                default -> throw new IllegalStateException(attribute);
            }
        }
        stored.unreadable = null;
        LOG.warn("stored session {} has an invalid {}; using the configured value instead, and saving it."
                + " Whatever wrote the store wrote an attribute no browser should see", SessionIds.fingerprint(id),
                "cookie." + String.join(", cookie.", replaced.stream().distinct().toList()));
    }

    private static boolean passes(Runnable check) {
        try {
            check.run();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
