package dev.cloakroom.internal;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import dev.cloakroom.Session;
import dev.cloakroom.SessionCookie;

import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link Session} a handler holds. Attribute values stay as the JSON read from the store until
 * a handler asks for one; then the converted object replaces it, so the handler's in-place changes
 * are seen when the session is compared with what was loaded at the end of the request.
 */
final class SessionState implements Session {

    private final RequestContext context;
    private final ValueMapper mapper;
    String id;
    boolean isNew;
    CookieState cookie;
    /**
     * Each value is a {@link JsonNode} not yet read, a {@link ReadValue} a handler converted, or an
     * object a handler set.
     */
    private LinkedHashMap<String, Object> values;
    /**
     * The attributes as loaded: a {@link JsonNode} in {@link #values} that is also a child here is
     * the stored one, which nothing changes in place, where a handler's own node may change.
     */
    private ObjectNode stored;
    /** Cloakroom's sidecar as stored: the creation time and the type hints of values not yet read. */
    private Sidecar sidecar;
    /** Attributes whose stored type hint an untyped read refused; they stay stored as they are. */
    private final Set<String> refused = new HashSet<>();
    /**
     * Counts each change to {@link #values} or the sidecar, a conversion included, and each new set
     * of values; never goes back, so a mark taken earlier tells whether anything changed since.
     */
    private long edits;
    /** {@link #edits} when the values were last replaced: equal while every value is the untouched JSON from the store. */
    private long editsAtLoad;
    boolean destroyed;
    boolean unset;
    /** The handler called {@link #touch()}: the new expiry is stored even within {@code touchAfter}. */
    boolean touchRequested;
    /** What {@link #checkReads()} checks a save against: the names read, and whether the names or everything were. */
    private final Set<String> readNames = new HashSet<>();
    private boolean keysRead;
    private boolean allRead;
    private boolean checkReads;

    SessionState(RequestContext context, ValueMapper mapper, String id, boolean isNew, CookieState cookie, ObjectNode attributes) {
        this.context = context;
        this.mapper = mapper;
        replace(id, isNew, cookie, attributes);
    }

    /** Takes {@code attributes} as stored: the sidecar apart, every other key an attribute. */
    void replace(String id, boolean isNew, CookieState cookie, ObjectNode attributes) {
        this.id = id;
        this.isNew = isNew;
        this.cookie = cookie;
        this.values = new LinkedHashMap<>();
        this.stored = attributes;
        this.sidecar = Sidecar.read(attributes.get(Sidecar.KEY));
        this.refused.clear();
        this.readNames.clear();
        this.keysRead = false;
        this.allRead = false;
        for (Map.Entry<String, JsonNode> field : attributes.properties()) {
            if (!Sidecar.KEY.equals(field.getKey())) {
                values.put(field.getKey(), field.getValue());
            }
        }
        this.editsAtLoad = ++edits;
    }

    /**
     * The attributes as JSON, as they would be stored now, with the sidecar first: the bound user
     * is read from the stored text on every store write ({@link BoundUser}), and with the sidecar
     * ahead of the attributes that read stops after a few hundred bytes instead of scanning the
     * whole document.
     */
    ObjectNode tree() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        // A placeholder holds the sidecar's place; an object keeps a key where it was first set.
        node.putNull(Sidecar.KEY);
        Map<String, String> hints = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String key = e.getKey();
            Object v = e.getValue();
            JsonNode json = snapshot(key, v);
            node.set(key, json);
            String hint = v instanceof JsonNode ? sidecar.type(key)
                    : v instanceof ReadValue read ? (json == read.original ? sidecar.type(key) : mapper.hintFor(key, read.value))
                    : mapper.hintFor(key, v);
            if (hint != null) {
                hints.put(key, hint);
            }
        }
        ObjectNode side = sidecar.write(hints);
        if (side != null) {
            node.set(Sidecar.KEY, side);
        } else {
            node.remove(Sidecar.KEY);
        }
        return node;
    }

    private JsonNode toJson(Object v) {
        return v instanceof ReadValue read ? read.json(mapper) : mapper.toJson(v);
    }

    /**
     * As {@link #toJson}, but an object or array node the handler holds (one it set, or was handed
     * by a read as a {@code JsonNode}) is copied: the handler may still change it, and a tree that
     * shared it would change with it, so a later commit comparing with this tree would see no change.
     */
    private JsonNode snapshot(String key, Object v) {
        JsonNode json = toJson(v);
        Object held = v instanceof ReadValue read ? read.value : v;
        return json == held && json.isContainer() && stored.get(key) != json ? json.deepCopy() : json;
    }

    boolean valuesUntouched() {
        return edits == editsAtLoad;
    }

    /** {@return a mark of the edits so far, for {@link #writesAsAt}} */
    long editMark() {
        return edits;
    }

    /**
     * {@return whether {@link #tree()} would now give what {@code earlier} holds, taken when the
     * edits stood at {@code mark}, known without building it} True only when nothing was edited
     * since and no value can have changed in place: each is a node of the stored tree or a JSON
     * scalar, an immutable Java value ({@link #isImmutable}), or a read value that wrote as its
     * stored JSON in {@code earlier} and whose fingerprint still says unchanged. An object a handler
     * set, or read without a fingerprint, may have changed since, so the caller compares in full.
     */
    boolean writesAsAt(long mark, ObjectNode earlier) {
        if (edits != mark) {
            return false;
        }
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object v = e.getValue();
            boolean fixed = v instanceof JsonNode node ? isScalar(node) || stored.get(e.getKey()) == node
                    : v instanceof ReadValue read ? isImmutable(read.value)
                            || (earlier.get(e.getKey()) == read.original && read.fingerprintUnchanged(mapper))
                    : isImmutable(v);
            if (!fixed) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code node} is a string, number, boolean or null node, none of which can change; a POJO or binary node can. */
    private static boolean isScalar(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING, NUMBER, BOOLEAN, NULL -> true;
            default -> false;
        };
    }

    /** Whether {@code v} writes the same JSON whatever happens after: a string, a boxed primitive, or null. */
    private static boolean isImmutable(Object v) {
        return v == null || v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long
                || v instanceof Double || v instanceof Short || v instanceof Byte || v instanceof Float
                || v instanceof Character;
    }

    boolean isLive() {
        return !destroyed && !unset;
    }

    private void checkLive() {
        if (destroyed) {
            throw new IllegalStateException("the session was destroyed in this request");
        }
        if (unset) {
            throw new IllegalStateException("the session was unset in this request");
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @Override
    public Optional<Instant> created() {
        return Optional.ofNullable(sidecar.created());
    }

    @Override
    public void bindUser(String userKey) {
        Objects.requireNonNull(userKey, "userKey");
        if (userKey.isEmpty()) {
            throw new IllegalArgumentException("userKey must not be empty");
        }
        checkLive();
        sidecar = sidecar.withUser(userKey);
        edits++;
    }

    @Override
    public Optional<Instant> absoluteDeadline() {
        return Optional.ofNullable(context.deadline(this));
    }

    @Override
    public Optional<Instant> expiresAt() {
        checkLive();
        return Optional.ofNullable(context.expiresAt(this));
    }

    @Override
    public Optional<Instant> lastUsed() {
        return Optional.ofNullable(isNew ? null : context.touches.lastUse());
    }

    /** Records {@code now} as the creation time of a session that came without one; a change to save. */
    void stampCreated(Instant now) {
        sidecar = sidecar.withCreated(now);
        edits++;
    }

    @Override
    public Optional<String> boundUser() {
        return Optional.ofNullable(sidecar.user());
    }

    @Override
    public <T> Optional<T> get(String key, Class<T> type) {
        Objects.requireNonNull(type, "type");
        return read(key, mapper.typeOf(type), type);
    }

    @Override
    public <T> Optional<T> get(String key, TypeReference<T> type) {
        Objects.requireNonNull(type, "type");
        return read(key, mapper.mapper().constructType(type), null);
    }

    @Override
    public Optional<Object> get(String key) {
        checkLive();
        readNames.add(key);
        Object value = values.get(key);
        if (value == null || (value instanceof JsonNode node && node.isNull())) {
            return Optional.empty();
        }
        if (value instanceof ReadValue read) {
            return Optional.ofNullable(read.value);
        }
        if (!(value instanceof JsonNode json)) {
            return Optional.of(value);
        }
        if (refused.contains(key)) {
            return Optional.empty();
        }
        String hint = sidecar.type(key);
        boolean fromStore = stored.get(key) == json;
        Optional<Object> converted = mapper.readUntyped(key, json, hint, fromStore);
        if (converted.isEmpty()) {
            refused.add(key);
            return converted;
        }
        edits++;
        values.put(key, new ReadValue(converted.get(), json, mapper, () -> mapper.readUntyped(key, json, hint, fromStore).orElse(null)));
        return converted;
    }

    @SuppressWarnings("unchecked")
    private <T> Optional<T> read(String key, JavaType javaType, Class<T> rawType) {
        checkLive();
        readNames.add(key);
        Object value = values.get(key);
        if (value == null || (value instanceof JsonNode node && node.isNull())) {
            return Optional.empty();
        }
        if (rawType != null && value instanceof JsonNode stored) {
            // An immutable scalar read straight from the stored JSON: nothing to convert back or compare.
            Object scalar = mapper.scalar(stored, rawType);
            if (scalar != null) {
                return Optional.of((T) scalar);
            }
        }
        Object current = value instanceof ReadValue read ? read.value : value;
        if (rawType != null && !(current instanceof JsonNode) && rawType.isInstance(current)) {
            edits++;
            return Optional.of((T) current);
        }
        JsonNode original = value instanceof ReadValue read ? toJson(read) : toJson(value);
        boolean fromStore = stored.get(key) == original;
        T converted;
        try {
            converted = mapper.convert(original, javaType, fromStore);
        } catch (IllegalArgumentException | JacksonException e) {
            throw new IllegalArgumentException("session attribute '" + key + "' holds " + describe(original)
                    + ", which cannot be read as " + javaType.toCanonical(), e);
        }
        if (converted instanceof JsonNode node) {
            // Jackson hands a node back as it is: a copy keeps the handler's edits out of the original.
            converted = (T) node.deepCopy();
        }
        edits++;
        values.put(key, new ReadValue(converted, original, mapper, () -> mapper.convert(original, javaType, fromStore)));
        return Optional.ofNullable(converted);
    }

    @Override
    public Session set(String key, Object value) {
        Objects.requireNonNull(key, "key");
        if (SessionCodec.COOKIE_KEY.equals(key)) {
            throw new IllegalArgumentException("'cookie' is reserved for the session cookie; use cookie() to change it");
        }
        if (Sidecar.KEY.equals(key)) {
            throw new IllegalArgumentException("'" + Sidecar.KEY + "' is reserved for Cloakroom's own data");
        }
        checkLive();
        context.checkAttributeName(key);
        if (value != null) {
            mapper.toJsonForSet(key, value);
        }
        edits++;
        refused.remove(key);
        values.put(key, value == null ? JsonNodeFactory.instance.nullNode() : value);
        return this;
    }

    @Override
    public boolean remove(String key) {
        checkLive();
        edits++;
        refused.remove(key);
        return values.remove(key) != null;
    }

    @Override
    public void clear() {
        checkLive();
        edits++;
        values.clear();
    }

    @Override
    public Set<String> keys() {
        checkLive();
        keysRead = true;
        return Collections.unmodifiableSet(new LinkedHashSet<>(values.keySet()));
    }

    @Override
    public boolean has(String key) {
        checkLive();
        readNames.add(key);
        return values.containsKey(key);
    }

    @Override
    public Map<String, Object> asMap() {
        checkLive();
        keysRead = true;
        allRead = true;
        ObjectNode tree = tree();
        tree.remove(Sidecar.KEY);
        Map<String, Object> map = mapper.mapper().convertValue(tree, new TypeReference<LinkedHashMap<String, Object>>() { });
        return Collections.unmodifiableMap(map);
    }

    @Override
    public SessionCookie cookie() {
        return cookie;
    }

    @Override
    public void regenerate() {
        checkLive();
        context.regenerate(this, false);
    }

    @Override
    public void changeId() {
        checkLive();
        context.regenerate(this, true);
    }

    @Override
    public void destroy() {
        checkLive();
        context.destroy(this);
    }

    @Override
    public void reload() {
        checkLive();
        context.reload(this);
    }

    @Override
    public void save() {
        checkLive();
        context.save(this);
    }

    @Override
    public Session checkReads() {
        checkLive();
        checkReads = true;
        return this;
    }

    /** {@return what a save must check, or null when {@link #checkReads()} is off} */
    ReadSet reads() {
        return checkReads ? new ReadSet(Set.copyOf(readNames), keysRead, allRead) : null;
    }

    @Override
    public void touch() {
        checkLive();
        touchRequested = true;
        cookie.resetMaxAge();
    }

    @Override
    public void unset() {
        checkLive();
        unset = true;
    }

    @Override
    public boolean isInvalidated() {
        return !isLive();
    }

    @Override
    public String toString() {
        return "Session[" + SessionIds.fingerprint(id) + "]";
    }

    /** The JSON kind of a stored value in plain words, for errors; never the value itself, which may be private. */
    static String describe(JsonNode json) {
        return switch (json.getNodeType()) {
            case STRING -> "a JSON string";
            case NUMBER -> "a JSON number";
            case BOOLEAN -> "a JSON boolean";
            case OBJECT -> "a JSON object";
            case ARRAY -> "a JSON array";
            case BINARY -> "binary data";
            case NULL, MISSING -> "no value";
            case POJO -> "a Java object";
        };
    }
}
