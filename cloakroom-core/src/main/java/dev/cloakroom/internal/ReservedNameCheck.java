package dev.cloakroom.internal;

import dev.cloakroom.ReservedNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies {@link ReservedNames} to attribute names. The names are those express-session 1.19's
 * {@code Session} constructor skips ({@code if (!(prop in this))}): its own properties, its
 * prototype's methods, and {@code Object.prototype}'s properties.
 */
final class ReservedNameCheck {

    private static final Logger LOG = LoggerFactory.getLogger("dev.cloakroom");

    private static final String OWN = "a property express-session gives req.session";
    private static final String METHOD = "a method of express-session's req.session";
    private static final String INHERITED = "a property every JavaScript object inherits";

    /** Each reserved name, with why express-session skips it. */
    static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("id", OWN), Map.entry("req", OWN),
            Map.entry("save", METHOD), Map.entry("reload", METHOD), Map.entry("destroy", METHOD),
            Map.entry("regenerate", METHOD), Map.entry("touch", METHOD), Map.entry("resetMaxAge", METHOD),
            Map.entry("constructor", INHERITED), Map.entry("toString", INHERITED), Map.entry("toLocaleString", INHERITED),
            Map.entry("valueOf", INHERITED), Map.entry("hasOwnProperty", INHERITED), Map.entry("isPrototypeOf", INHERITED),
            Map.entry("propertyIsEnumerable", INHERITED), Map.entry("__proto__", INHERITED),
            Map.entry("__defineGetter__", INHERITED), Map.entry("__defineSetter__", INHERITED),
            Map.entry("__lookupGetter__", INHERITED), Map.entry("__lookupSetter__", INHERITED));

    private final ReservedNames mode;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    ReservedNameCheck(ReservedNames mode) {
        this.mode = mode;
    }

    /** Refuses, warns about, or lets {@code key} pass, as the mode says. */
    void check(String key) {
        String reason = NAMES.get(key);
        if (reason == null || mode == ReservedNames.ALLOW) {
            return;
        }
        String problem = "session attribute '" + key + "' has a name express-session reserves (" + reason
                + "): it skips the key when it loads a session, so a Node app sharing the store drops the attribute"
                + " at its next save";
        if (mode == ReservedNames.REFUSE) {
            throw new IllegalArgumentException(problem + ". Use another name, or reservedNames(ReservedNames.ALLOW)"
                    + " when no Node app shares the store");
        }
        if (warned.add(key)) {
            LOG.warn("{}. Use another name; reservedNames(ReservedNames.REFUSE) makes this an error, ALLOW silences it."
                    + " Logged once per name", problem);
        }
    }
}
