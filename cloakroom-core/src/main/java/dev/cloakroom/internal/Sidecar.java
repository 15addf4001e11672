package dev.cloakroom.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Cloakroom keeps beside the attributes, in one top-level key of the stored document:
 * {@code "__cloakroom": {"created": <epoch ms>, "user": "alice", "types": {"cart": "com.example.Cart"}}},
 * {@code user} only once {@code Session.bindUser} named one.
 * express-session keeps top-level keys it does not know and writes them back unchanged, so the
 * sidecar survives a Node write; no attribute's own JSON is touched. Fields a later version adds
 * here are kept too.
 */
final class Sidecar {

    static final String KEY = "__cloakroom";
    static final String TYPES = "types";
    private static final String CREATED = "created";
    /** Set on a document whose id is being replaced: no request may load, save or renew it any more. */
    private static final String RETIRED = "retired";

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

    /** The attributes of a session whose id is being replaced: none, and the retired mark. */
    static ObjectNode retiredAttributes() {
        ObjectNode attributes = JsonNodeFactory.instance.objectNode();
        attributes.putObject(KEY).put(RETIRED, true);
        return attributes;
    }

    /** Whether stored {@code attributes} are those of a session another request is renewing. */
    static boolean isRetired(ObjectNode attributes) {
        return attributes.get(KEY) instanceof ObjectNode sidecar
                && sidecar.get(RETIRED) != null && sidecar.get(RETIRED).isBoolean() && sidecar.get(RETIRED).booleanValue();
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

    /** {@return the user the session is bound to, or null} Read as {@link BoundUser} reads stored documents. */
    String user() {
        JsonNode user = stored != null ? stored.get(BoundUser.FIELD) : null;
        return user != null && user.isString() && !user.asString().isEmpty() ? user.asString() : null;
    }

    /** {@return this sidecar bound to {@code user}} The stored node is copied, never changed in place. */
    Sidecar withUser(String user) {
        ObjectNode node = stored != null ? stored.deepCopy() : JsonNodeFactory.instance.objectNode();
        node.put(BoundUser.FIELD, user);
        return new Sidecar(node, created, types);
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

    /**
     * The sidecar to store with these hints, or null when there is nothing to keep. When that is
     * the stored sidecar as it is (the usual case: the same hints as last time), it is the stored
     * node itself, which nothing changes in place: a save then finds it unchanged by identity.
     */
    ObjectNode write(Map<String, String> hints) {
        if (stored != null && !stored.isEmpty() && holdsExactly(hints)) {
            return stored;
        }
        ObjectNode node = stored != null ? stored.deepCopy() : JsonNodeFactory.instance.objectNode();
        node.remove(TYPES);
        if (!hints.isEmpty()) {
            ObjectNode typesNode = node.putObject(TYPES);
            hints.forEach(typesNode::put);
        }
        return node.isEmpty() ? null : node;
    }

    /** Whether the stored sidecar's types are {@code hints}, in order, as the last key, and hold nothing else. */
    private boolean holdsExactly(Map<String, String> hints) {
        JsonNode typesNode = stored.get(TYPES);
        if (hints.isEmpty()) {
            return typesNode == null;
        }
        if (typesNode == null || typesNode.size() != types.size() || !types.equals(hints)) {
            return false;
        }
        String last = null;
        for (String name : stored.propertyNames()) {
            last = name;
        }
        return TYPES.equals(last) && List.copyOf(types.keySet()).equals(List.copyOf(hints.keySet()));
    }
}
