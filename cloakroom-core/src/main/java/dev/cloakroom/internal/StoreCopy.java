package dev.cloakroom.internal;

import tools.jackson.databind.node.ObjectNode;

/**
 * What the store holds for a session as this request last read or wrote it.
 *
 * @param json       the stored document, the expected value of the next compare-and-set
 * @param attributes its attributes; after a merged save they include other requests' changes
 * @param ours       this request's own attributes at that moment: its changes are counted from here
 */
record StoreCopy(String json, ObjectNode attributes, ObjectNode ours) {

    /** A document just read: what is stored and what this request holds are the same. */
    static StoreCopy loaded(String json, ObjectNode attributes) {
        return new StoreCopy(json, attributes, attributes);
    }
}
