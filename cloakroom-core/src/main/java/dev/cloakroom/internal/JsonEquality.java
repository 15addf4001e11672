package dev.cloakroom.internal;

import tools.jackson.databind.JsonNode;

import java.util.Map;

/**
 * Equality of JSON trees as JavaScript sees them: numbers compare by value, so a handler that
 * writes back {@code 1L} where {@code 1} was stored, or {@code 1.0} for {@code 1}, has changed
 * nothing (express-session compares the JSON text, where all three are the same number). NaN and
 * the infinities, which a stored document can hold only as a number too large for a double, never
 * throw here. A subtree shared by both trees (an unchanged value keeps its stored node) is equal
 * without being walked.
 */
final class JsonEquality {

    private JsonEquality() {
    }

    static boolean same(JsonNode a, JsonNode b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a.isObject()) {
            if (!b.isObject() || a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> field : a.properties()) {
                JsonNode other = b.get(field.getKey());
                if (other == null || !same(field.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray()) {
            if (!b.isArray() || a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return !b.isContainer() && sameScalar(a, b);
    }

    private static boolean sameScalar(JsonNode a, JsonNode b) {
        if (a.equals(b)) {
            return true;
        }
        if (!a.isNumber() || !b.isNumber()) {
            return false;
        }
        // NaN and the infinities have no BigDecimal; both are stored as null, so they compare
        // as doubles: equal to themselves, different from every finite number.
        if (FiniteNumbers.isNonFinite(a) || FiniteNumbers.isNonFinite(b)) {
            return Double.compare(a.doubleValue(), b.doubleValue()) == 0;
        }
        return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
}
