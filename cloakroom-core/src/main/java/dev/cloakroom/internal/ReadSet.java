package dev.cloakroom.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * What a request with {@code Session.checkReads()} on has read: attribute names it read or asked
 * about, and whether it listed the names ({@code keys()}) or everything ({@code asMap()}). A save
 * is refused when the stored document no longer agrees with what the request loaded on any of it.
 *
 * @param names the attributes read with {@code get} or {@code has}
 * @param keys  whether the set of attribute names was read
 * @param all   whether every value was read
 */
record ReadSet(Set<String> names, boolean keys, boolean all) {

    /**
     * Why the stored attributes no longer agree with {@code base} on what was read, or null when
     * they do. {@code theirNames} are the stored attribute names (no cookie, no sidecar);
     * {@code theirValue} gives one stored value, so only values that were read need decoding.
     */
    String changed(ObjectNode base, Set<String> theirNames, Function<String, JsonNode> theirValue) {
        Set<String> baseNames = attributeNames(base);
        if ((keys || all) && !baseNames.equals(theirNames)) {
            return "another request added or removed a session attribute after this request listed them";
        }
        for (String name : all ? baseNames : names) {
            if (Sidecar.KEY.equals(name) || SessionCodec.COOKIE_KEY.equals(name)) {
                continue;
            }
            JsonNode now = theirNames.contains(name) ? theirValue.apply(name) : null;
            if (!JsonEquality.same(base.get(name), now)) {
                return "another request changed session attribute '" + name + "', which this request read";
            }
        }
        return null;
    }

    /** The attribute names of {@code attributes}, the sidecar left out. */
    static Set<String> attributeNames(ObjectNode attributes) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : attributes.propertyNames()) {
            if (!Sidecar.KEY.equals(name)) {
                names.add(name);
            }
        }
        return names;
    }
}
