package dev.cloakroom.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * NaN and the infinities, which JSON has no number for. Jackson writes them as the strings
 * {@code "NaN"} and {@code "Infinity"} by default and as bare tokens, which {@code JSON.parse}
 * and Cloakroom itself refuse, when {@code WRITE_NAN_AS_STRINGS} is off; {@code JSON.stringify}
 * writes {@code null}. A stored document must read back on both sides, so {@code set} refuses such
 * a value, and one that reaches the document some other way (a stored {@code 1e999999}, which
 * overflows a double; an array a handler changed in place) is stored as {@code null}, as Node
 * would store it.
 */
final class FiniteNumbers {

    private FiniteNumbers() {
    }

    /** {@return whether {@code node} is a floating-point number JSON cannot write} */
    static boolean isNonFinite(JsonNode node) {
        return (node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue());
    }

    /** {@return the first NaN or infinity inside {@code node}, or null when it holds none} */
    static JsonNode firstNonFinite(JsonNode node) {
        if (isNonFinite(node)) {
            return node;
        }
        if (node.isContainer()) {
            for (JsonNode child : node) {
                JsonNode found = firstNonFinite(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * {@return {@code node} with every NaN and infinity replaced by {@code null}} The node itself
     * when it holds none, so the common case copies nothing; otherwise a copy, since the trees a
     * request compares must not change under it.
     */
    static JsonNode nulled(JsonNode node) {
        if (firstNonFinite(node) == null) {
            return node;
        }
        if (isNonFinite(node)) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(array.size());
            for (JsonNode child : array) {
                copy.add(nulled(child));
            }
            return copy;
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            copy.set(field.getKey(), nulled(field.getValue()));
        }
        return copy;
    }
}
