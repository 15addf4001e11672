package dev.cloakroom.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Cloakroom keeps beside the attributes, in one top-level key of the stored document:
 * {@code "__cloakroom": {"created": <epoch ms>, "types": {"cart": "com.example.Cart"}}}.
 * express-session keeps top-level keys it does not know and writes them back unchanged, so the
 * sidecar survives a Node write; no attribute's own JSON is touched. Fields a later version adds
 * here are kept too.
 */
final class Sidecar {

    static final String KEY = "__cloakroom";
    static final String TYPES = "types";
    private static final String CREATED = "created";

    /** The sidecar as stored, kept so unknown fields survive; never changed in place. */
    private final ObjectNode stored;
    private final Instant created;
    private final Map<String, String> types;

    private Sidecar(ObjectNode stored, Instant created, Map<String, String> types) {
        this.stored = stored;
        this.created = created;
        this.types = types;
    }

    /** The attributes of a session created now: nothing but the creation time. */
    static ObjectNode freshAttributes(Instant now) {
        ObjectNode attributes = JsonNodeFactory.instance.objectNode();
        attributes.putObject(KEY).put(CREATED, now.toEpochMilli());
        return attributes;
    }

    /** Reads the sidecar from a stored value; anything malformed counts as absent, never as an error. */
    static Sidecar read(JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            return new Sidecar(null, null, Map.of());
        }
        JsonNode createdNode = object.get(CREATED);
        Instant created = createdNode != null && createdNode.isIntegralNumber() && createdNode.canConvertToLong()
                ? Instant.ofEpochMilli(createdNode.asLong()) : null;
        Map<String, String> types = new LinkedHashMap<>();
        if (object.get(TYPES) instanceof ObjectNode typesNode) {
            for (Map.Entry<String, JsonNode> e : typesNode.properties()) {
                if (e.getValue().isString()) {
                    types.put(e.getKey(), e.getValue().asString());
                }
            }
        }
        return new Sidecar(object, created, types);
    }

    Instant created() {
        return created;
    }

    /** This sidecar with {@code created} recorded: for a session another app created, seen here first. */
    Sidecar withCreated(Instant created) {
        ObjectNode node = stored != null ? stored.deepCopy() : JsonNodeFactory.instance.objectNode();
        node.put(CREATED, created.toEpochMilli());
        return new Sidecar(node, Instant.ofEpochMilli(created.toEpochMilli()), types);
    }

    /** The stored hint for an attribute, or null. */
    String type(String attribute) {
        return types.get(attribute);
    }

    /** The sidecar to store with these hints, or null when there is nothing to keep. */
    ObjectNode write(Map<String, String> hints) {
        ObjectNode node = stored != null ? stored.deepCopy() : JsonNodeFactory.instance.objectNode();
        node.remove(TYPES);
        if (!hints.isEmpty()) {
            ObjectNode typesNode = node.putObject(TYPES);
            hints.forEach(typesNode::put);
        }
        return node.isEmpty() ? null : node;
    }
}
