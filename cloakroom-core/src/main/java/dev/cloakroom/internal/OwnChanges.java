package dev.cloakroom.internal;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One request's changes to a session (attributes set, changed or removed since {@code base}),
 * applied to the text of a document another request stored, the way
 * {@link ConflictFreeWriter#applyOwnChanges} applies them to its tree. The stored text is scanned
 * once without building a tree; every attribute this request did not change is copied as it is,
 * and only the changed ones (encoded once, however many retries) and the cookie are written. So a
 * retry on a big session costs a scan and a copy, not a decode and a full encode.
 */
final class OwnChanges {

    private final ObjectMapper mapper;
    private final ObjectNode base;
    private final ObjectNode ours;
    /** Attributes this request set or changed, in its order, sidecar apart. */
    private final Map<String, JsonNode> set = new LinkedHashMap<>();
    private final Set<String> removed = new HashSet<>();
    private final boolean sidecarChanged;
    /** Encoded values by node, which several splices of one batch may share. */
    private final Map<JsonNode, String> encoded;

    OwnChanges(ObjectMapper mapper, ObjectNode base, ObjectNode ours) {
        this(mapper, base, ours, new IdentityHashMap<>());
    }

    /**
     * With {@code encoded}, the encodings of values (by identity) shared with other splices: a
     * combined save splices each queued save's document, and each holds the values of those before it.
     */
    OwnChanges(ObjectMapper mapper, ObjectNode base, ObjectNode ours, Map<JsonNode, String> encoded) {
        this.mapper = mapper;
        this.encoded = encoded;
        this.base = base;
        this.ours = ours;
        for (String name : base.propertyNames()) {
            if (!ours.has(name) && !Sidecar.KEY.equals(name)) {
                removed.add(name);
            }
        }
        for (Map.Entry<String, JsonNode> field : ours.properties()) {
            String name = field.getKey();
            if (!Sidecar.KEY.equals(name) && !JsonEquality.same(field.getValue(), base.get(name))) {
                set.put(name, field.getValue());
            }
        }
        sidecarChanged = !JsonEquality.same(base.get(Sidecar.KEY), ours.get(Sidecar.KEY));
    }

    /**
     * The stored document after applying these changes.
     *
     * @param json         the document to write over
     * @param retired      whether it belongs to a session being renewed, which must not be written
     * @param readConflict why a read check refuses the save, or null
     */
    record Applied(String json, boolean retired, String readConflict) {
    }

    /** One top-level key of a stored document, as offsets into its text. */
    record Entry(String name, int nameStart, int valueStart, int valueEnd) {
    }

    /** A stored text and its top-level keys ({@code entries} null when it cannot be spliced), scanned once for several splices. */
    record Scanned(String json, Map<String, Entry> entries) {
        static Scanned of(ObjectMapper mapper, String json) {
            return new Scanned(json, scan(mapper, json));
        }
    }

    /**
     * {@code stored} with these changes and {@code cookieJson} as its cookie; null when the text is
     * not one this can splice (not a JSON object with a cookie, a repeated key), and the caller
     * should merge trees instead.
     */
    Applied applyTo(String stored, String cookieJson, ReadSet reads) {
        return applyTo(Scanned.of(mapper, stored), cookieJson, reads);
    }

    /** {@link #applyTo(String, String, ReadSet)} on a text already scanned. */
    Applied applyTo(Scanned scanned, String cookieJson, ReadSet reads) {
        String stored = scanned.json();
        Map<String, Entry> entries = scanned.entries();
        if (entries == null || !entries.containsKey(SessionCodec.COOKIE_KEY)) {
            return null;
        }
        Entry side = entries.get(Sidecar.KEY);
        JsonNode theirSidecar = side == null ? null : parse(stored, side);
        ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
        if (theirSidecar != null) {
            wrapped.set(Sidecar.KEY, theirSidecar);
        }
        if (Sidecar.isRetired(wrapped)) {
            return new Applied(null, true, null);
        }
        if (reads != null) {
            Set<String> theirNames = new LinkedHashSet<>(entries.keySet());
            theirNames.remove(SessionCodec.COOKIE_KEY);
            theirNames.remove(Sidecar.KEY);
            String conflict = reads.changed(base, theirNames, name -> parse(stored, entries.get(name)));
            if (conflict != null) {
                return new Applied(null, false, conflict);
            }
        }
        StringBuilder out = new StringBuilder(stored.length() + 256).append('{');
        boolean first = true;
        for (Entry e : entries.values()) {
            String piece;
            if (SessionCodec.COOKIE_KEY.equals(e.name())) {
                piece = prefix(stored, e) + cookieJson;
            } else if (Sidecar.KEY.equals(e.name())) {
                JsonNode merged = sidecarChanged ? mergedSidecar(theirSidecar) : theirSidecar;
                piece = merged == null ? null : sidecarChanged ? prefix(stored, e) + mapper.writeValueAsString(merged) : whole(stored, e);
            } else if (removed.contains(e.name())) {
                piece = null;
            } else if (set.containsKey(e.name())) {
                piece = prefix(stored, e) + encoded(e.name());
            } else {
                piece = whole(stored, e);
            }
            if (piece != null) {
                out.append(first ? "" : ",").append(piece);
                first = false;
            }
        }
        for (String name : set.keySet()) {
            if (!entries.containsKey(name)) {
                out.append(first ? "" : ",").append(mapper.writeValueAsString(name)).append(':').append(encoded(name));
                first = false;
            }
        }
        if (side == null && sidecarChanged) {
            JsonNode merged = mergedSidecar(null);
            if (merged != null) {
                out.append(first ? "" : ",").append(mapper.writeValueAsString(Sidecar.KEY)).append(':')
                        .append(mapper.writeValueAsString(merged));
            }
        }
        return new Applied(out.append('}').toString(), false, null);
    }

    private String encoded(String name) {
        return encoded.computeIfAbsent(set.get(name), mapper::writeValueAsString);
    }

    /** Our sidecar changes applied to {@code theirs} (null when the document has none), key by key; null for none left. */
    private JsonNode mergedSidecar(JsonNode theirs) {
        ObjectNode t = JsonNodeFactory.instance.objectNode();
        if (theirs != null) {
            t.set(Sidecar.KEY, theirs);
        }
        return ConflictFreeWriter.applyOwnChanges(t, only(base), only(ours)).get(Sidecar.KEY);
    }

    private static ObjectNode only(ObjectNode attributes) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        JsonNode side = attributes.get(Sidecar.KEY);
        if (side != null) {
            node.set(Sidecar.KEY, side);
        }
        return node;
    }

    private JsonNode parse(String stored, Entry e) {
        return mapper.readTree(stored.substring(e.valueStart(), e.valueEnd()));
    }

    private static String prefix(String stored, Entry e) {
        return stored.substring(e.nameStart(), e.valueStart());
    }

    private static String whole(String stored, Entry e) {
        return stored.substring(e.nameStart(), e.valueEnd());
    }

    /** The top-level keys of {@code json} in order, skipping over their values; null when it cannot be spliced. */
    private static Map<String, Entry> scan(ObjectMapper mapper, String json) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (JsonParser p = mapper.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken t = p.nextToken();
            while (t == JsonToken.PROPERTY_NAME) {
                long nameStart = p.currentTokenLocation().getCharOffset();
                String name = p.currentName();
                p.nextToken();
                long valueStart = p.currentTokenLocation().getCharOffset();
                p.skipChildren();
                t = p.nextToken();
                long next = p.currentTokenLocation().getCharOffset();
                if (nameStart < 0 || valueStart <= nameStart || next <= valueStart
                        || entries.put(name, new Entry(name, (int) nameStart, (int) valueStart, valueEnd(json, (int) valueStart, (int) next))) != null) {
                    return null;
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                return null;
            }
        } catch (JacksonException e) {
            return null;
        }
        return entries;
    }

    /** Where the value starting at {@code start} ends, given that the next token starts at {@code next}: before the comma and blanks between. */
    private static int valueEnd(String json, int start, int next) {
        int end = next;
        while (end > start && Character.isWhitespace(json.charAt(end - 1))) {
            end--;
        }
        if (end > start && json.charAt(end - 1) == ',') {
            end--;
        }
        while (end > start && Character.isWhitespace(json.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** {@return how many bytes {@code s} takes in UTF-8} */
    static long utf8Length(CharSequence s) {
        if (s instanceof String text) {
            // The JDK's encoder copies an ASCII-only string at memory speed; a char loop is ten times slower.
            return text.getBytes(StandardCharsets.UTF_8).length;
        }
        long bytes = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
