package dev.cloakroom.internal;

import tools.jackson.databind.node.ObjectNode;

import java.util.function.Function;

/**
 * What the store holds for a session as this request last read or wrote it: {@link #json()}, the
 * stored document and the expected value of the next compare-and-set; {@link #attributes()}, its
 * attributes, which after a merged save include other requests' changes; {@link #ours()}, this
 * request's own attributes at that moment, from which its changes are counted.
 */
final class StoreCopy {

    private final String json;
    private final ObjectNode ours;
    /** Decodes {@link #json} when its attributes were not kept as a tree; null when they were. */
    private final Function<String, ObjectNode> decoder;
    private ObjectNode attributes;

    private StoreCopy(String json, ObjectNode attributes, ObjectNode ours, Function<String, ObjectNode> decoder) {
        this.json = json;
        this.attributes = attributes;
        this.ours = ours;
        this.decoder = decoder;
    }

    /** A document just read: what is stored and what this request holds are the same. */
    static StoreCopy loaded(String json, ObjectNode attributes) {
        return new StoreCopy(json, attributes, attributes, null);
    }

    /** A document this request wrote from the tree {@code attributes}. */
    static StoreCopy written(String json, ObjectNode attributes, ObjectNode ours) {
        return new StoreCopy(json, attributes, ours, null);
    }

    /**
     * A document this request wrote by splicing its changes into another request's text: its tree
     * is built only if a later save or renewal in this request asks for it.
     */
    static StoreCopy spliced(String json, ObjectNode ours, Function<String, ObjectNode> decoder) {
        return new StoreCopy(json, null, ours, decoder);
    }

    String json() {
        return json;
    }

    ObjectNode ours() {
        return ours;
    }

    ObjectNode attributes() {
        if (attributes == null) {
            attributes = decoder.apply(json);
        }
        return attributes;
    }
}
