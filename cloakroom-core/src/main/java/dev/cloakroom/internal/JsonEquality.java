package dev.cloakroom.internal;

import tools.jackson.databind.JsonNode;

import java.util.Comparator;

/**
 * Equality of JSON trees as JavaScript sees them: numbers compare by value, so a handler that
 * writes back {@code 1L} where {@code 1} was stored, or {@code 1.0} for {@code 1}, has changed
 * nothing (express-session compares the JSON text, where all three are the same number). NaN and
 * the infinities, which a stored document can hold only as a number too large for a double, never
 * throw here.
 */
final class JsonEquality {

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        if (a.isNumber() && b.isNumber()) {
            // NaN and the infinities have no BigDecimal; both are stored as null, so they compare
            // as doubles: equal to themselves, different from every finite number.
            if (FiniteNumbers.isNonFinite(a) || FiniteNumbers.isNonFinite(b)) {
                return Double.compare(a.doubleValue(), b.doubleValue()) == 0 ? 0 : 1;
            }
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return 1;
    };

    private JsonEquality() {
    }

    static boolean same(JsonNode a, JsonNode b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        return a.equals(NUMBERS_BY_VALUE, b);
    }
}
