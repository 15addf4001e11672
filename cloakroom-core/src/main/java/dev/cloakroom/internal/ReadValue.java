package dev.cloakroom.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.util.function.Supplier;

/**
 * A stored value a handler converted to a Java type. While the object still writes as its
 * {@code original} JSON, or as a fresh conversion of that JSON writes (a Java type may not keep
 * every field, say one a Node app sharing the store added), the original is written back, so
 * those fields survive. That second conversion happens only when the first comparison fails, so
 * a value read and left alone costs one write-out at commit, or none when its class has a
 * fingerprint ({@link dev.cloakroom.AttributeTypes.Builder#fingerprint}) that has not changed.
 */
final class ReadValue {
    final Object value;
    final JsonNode original;
    /** The value's fingerprint right after it was converted, or null. */
    private final Object fingerprint;
    private final Supplier<Object> convertAgain;
    private JsonNode asRead;

    ReadValue(Object value, JsonNode original, ValueMapper mapper, Supplier<Object> convertAgain) {
        this.value = value;
        this.original = original;
        this.fingerprint = mapper.fingerprint(value);
        this.convertAgain = convertAgain;
    }

    /** {@return the value as JSON now: {@code original} while it is unchanged} */
    JsonNode json(ValueMapper mapper) {
        if (fingerprintUnchanged(mapper)) {
            return original;
        }
        JsonNode now = mapper.toJson(value);
        return unchanged(now, mapper) ? original : now;
    }

    /** Whether the value has a fingerprint and it is what it was right after the conversion. */
    boolean fingerprintUnchanged(ValueMapper mapper) {
        return fingerprint != null && fingerprint.equals(mapper.fingerprint(value));
    }

    private boolean unchanged(JsonNode now, ValueMapper mapper) {
        if (JsonEquality.same(now, original)) {
            return true;
        }
        if (asRead == null) {
            Object again = convertAgain.get();
            asRead = again == null ? JsonNodeFactory.instance.nullNode() : mapper.toJson(again);
        }
        return JsonEquality.same(now, asRead);
    }
}
