package dev.cloakroom.internal;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.ShortNode;
import tools.jackson.databind.node.StringNode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Trees that parsing their own JSON text gives back node for node: the same kinds of node with the
 * same values, keys in the same order. Such a tree can stand in for a parse of the text it was
 * written as. A {@code long} or {@code short} node is copied as the node the parser makes of its
 * digits (an int when an int holds it). Other trees are left to the parser: a float comes back as
 * a double, a {@code BigDecimal} as a double, a {@code byte[]} as base64 text, NaN as {@code null}.
 */
final class ExactTrees {

    /** Deeper trees are left to the parser; a session's values are rarely more than a few levels deep. */
    static final int MAX_DEPTH = 32;

    private ExactTrees() {
    }

    /**
     * {@return a copy of {@code node} when parsing its text gives back the same kinds of node with
     * the same values, else null} Nodes that cannot change (strings, numbers, booleans, null) are
     * shared, not copied; a long or short node an int can hold becomes the int node a parse makes.
     */
    static JsonNode copyIfExact(JsonNode node) {
        return copy(node, 0);
    }

    private static JsonNode copy(JsonNode node, int depth) {
        Class<?> kind = node.getClass();
        if (kind == StringNode.class || kind == IntNode.class || kind == BooleanNode.class || kind == NullNode.class) {
            return node;
        }
        if (kind == LongNode.class || kind == ShortNode.class) {
            // The parser makes an IntNode of what an int can hold, a LongNode only of the rest.
            long n = node.longValue();
            return n < Integer.MIN_VALUE || n > Integer.MAX_VALUE ? node : IntNode.valueOf((int) n);
        }
        if (kind == DoubleNode.class) {
            return Double.isFinite(node.doubleValue()) ? node : null;
        }
        if (depth == MAX_DEPTH) {
            return null;
        }
        if (kind == ObjectNode.class) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                JsonNode child = copy(field.getValue(), depth + 1);
                if (child == null) {
                    return null;
                }
                out.set(field.getKey(), child);
            }
            return out;
        }
        if (kind == ArrayNode.class) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode(node.size());
            for (JsonNode element : node) {
                JsonNode child = copy(element, depth + 1);
                if (child == null) {
                    return null;
                }
                out.add(child);
            }
            return out;
        }
        return null;
    }

    /**
     * {@return whether {@code mapper} reads back, node for node, what it writes of every kind
     * {@link #copyIfExact} accepts} An application's mapper may read floats as {@code BigDecimal},
     * ints as longs, or leave out null properties; then no tree stands in for a parse.
     */
    static boolean keptBy(ObjectMapper mapper) {
        ObjectNode probe = JsonNodeFactory.instance.objectNode();
        probe.put("int", 7).put("long", 1L << 40).put("double", 0.1).put("whole", 100.0).put("huge", -2.5e300)
                .put("text", "é\u2028\"\\\u0000").put("flag", true).putNull("none");
        probe.putArray("list").add(1).add("two").addObject().put("deep", -1);
        probe.putObject("empty");
        try {
            return sameNodes(probe, mapper.readTree(mapper.writeValueAsString(probe)));
        } catch (JacksonException e) {
            return false;
        }
    }

    /** Node for node: the same classes, values and key order. */
    private static boolean sameNodes(JsonNode a, JsonNode b) {
        if (a.getClass() != b.getClass() || a.size() != b.size()) {
            return false;
        }
        if (a.isObject()) {
            if (!List.copyOf(a.propertyNames()).equals(List.copyOf(b.propertyNames()))) {
                return false;
            }
            for (String name : a.propertyNames()) {
                if (!sameNodes(a.get(name), b.get(name))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray()) {
            for (Iterator<JsonNode> i = a.iterator(), j = b.iterator(); i.hasNext(); ) {
                if (!sameNodes(i.next(), j.next())) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
