package dev.cloakroom.internal;

import tools.jackson.databind.JsonNode;

import java.util.Comparator;

/**
 * Equality of JSON trees as JavaScript sees them: numbers compare by value, so a handler that
 * writes back {@code 1L} where {@code 1} was stored, or {@code 1.0} for {@code 1}, has changed
 * nothing (express-session compares the JSON text, where all three are the same number).
 */
final class JsonEquality {

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        if (a.isNumber() && b.isNumber()) {
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
