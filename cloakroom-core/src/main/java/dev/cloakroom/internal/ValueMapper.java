package dev.cloakroom.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cloakroom.AttributeTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Turns attribute values into JSON and back, with the mapper their class calls for, and rebuilds
 * a value from its stored type hint only when {@link AttributeTypes} allows every class the hint
 * names. Log lines name the attribute, never the session.
 */
final class ValueMapper {

    private static final Logger LOG = LoggerFactory.getLogger("dev.cloakroom");
    /** Bounds the classes warned about once, so hostile data cannot grow it without limit. */
    private static final int MAX_WARNED = 1000;
    /** Bounds the parsed hints kept, for the same reason: only allowed classes reach it, but in any combination. */
    private static final int MAX_HINT_TYPES = 1000;

    private final ObjectMapper mapper;
    private final AttributeTypes types;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    /**
     * Hints already checked against the allowed types and parsed, each once: a logged-in user's
     * context is read on every request. The allowed types never change, so neither does the verdict.
     */
    private final Map<String, JavaType> hintTypes = new ConcurrentHashMap<>();
    /** Whether the scalar types below read as Jackson's stock deserializers read them; see {@link #scalar}. */
    private final boolean stockScalars;
    /**
     * Values of a class with a {@linkplain AttributeTypes.Builder#copier copier}, each as first read
     * from its JSON and never handed out, by that JSON (compared by content); null when no class
     * has one. A new stored version of an unchanged value finds it here.
     */
    private final Cache<JsonNode, Built> byJson;
    /**
     * The same, by the stored node itself (compared by identity, held weakly): every request that
     * loads one stored text shares its tree, so this finds it without hashing or comparing JSON.
     */
    private final Cache<JsonNode, Built> byStoredNode;

    private final ClassValue<JavaType> classTypes = new ClassValue<>() {
        @Override
        protected JavaType computeValue(Class<?> type) {
            return mapper.constructType(type);
        }
    };

    /** An untouched value read from JSON as {@code type}. */
    private record Built(JavaType type, Object value) {
    }

    /** A mapper over {@code mapper}; {@code stockMapper} says it is Cloakroom's own, with no module of the application's. */
    ValueMapper(ObjectMapper mapper, AttributeTypes types, boolean stockMapper) {
        this.mapper = mapper;
        this.types = types;
        this.stockScalars = stockMapper && Stream.of(String.class, Boolean.class, Integer.class, Long.class)
                .allMatch(c -> types.mapperFor(c.getName(), mapper) == mapper);
        this.byJson = types.hasCopiers() ? Caffeine.newBuilder().maximumSize(AttributeTypes.MAX_COPIED)
                .executor(Runnable::run).build() : null;
        this.byStoredNode = types.hasCopiers() ? Caffeine.newBuilder().weakKeys().maximumSize(AttributeTypes.MAX_COPIED)
                .executor(Runnable::run).build() : null;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** {@return the mapper's type for {@code type}} Made once per class, not looked up in the type factory on every typed read. */
    JavaType typeOf(Class<?> type) {
        return classTypes.get(type);
    }

    private ObjectMapper mapperFor(String className) {
        return types.mapperFor(className, mapper);
    }

    /** {@code value} as JSON; {@code JsonNode}s are taken as they are. */
    JsonNode toJson(Object value) {
        if (value instanceof JsonNode node) {
            return node;
        }
        return mapperFor(value.getClass().getName()).valueToTree(value);
    }

    /**
     * As {@link #toJson}, for a value being set: a value Jackson cannot write fails now, naming the
     * attribute and the class, rather than at the end of the request. So does a value holding NaN
     * or an infinity, which the stored JSON could only carry as {@code null} (see {@link FiniteNumbers}).
     */
    JsonNode toJsonForSet(String attribute, Object value) {
        JsonNode json;
        try {
            json = toJson(value);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IllegalArgumentException("session attribute '" + attribute + "' holds a "
                    + value.getClass().getName() + ", which cannot be written as JSON: "
                    + (e instanceof JacksonException je ? je.getOriginalMessage() : e.getMessage()), e);
        }
        JsonNode nonFinite = FiniteNumbers.firstNonFinite(json);
        if (nonFinite != null) {
            throw new IllegalArgumentException("session attribute '" + attribute + "' holds the number "
                    + nonFinite.doubleValue() + ", which JSON cannot carry (JSON.stringify would store null)."
                    + " Store null, or the number as a string, instead");
        }
        return json;
    }

    /** {@return the fingerprint {@link AttributeTypes} gives {@code value}'s exact class, or null} */
    Object fingerprint(Object value) {
        return value == null ? null : types.fingerprint(value);
    }

    /**
     * {@return {@code json} as {@code type} when that needs no Jackson call, else null} A JSON string
     * read as a {@code String}, a boolean as a {@code Boolean}, an int as an {@code Integer}, an
     * int or long as a {@code Long}: what Jackson's stock deserializers give, and immutable, so the
     * read cannot change the session. Null for every other case, and with an application's mapper,
     * which may read even these its own way.
     */
    Object scalar(JsonNode json, Class<?> type) {
        if (!stockScalars) {
            return null;
        }
        if (type == String.class) {
            return json.isString() ? json.asString() : null;
        }
        if (type == Boolean.class) {
            return json.isBoolean() ? json.booleanValue() : null;
        }
        if (type == Integer.class) {
            return json.isInt() ? json.intValue() : null;
        }
        if (type == Long.class) {
            return json.isInt() || json.isLong() ? json.longValue() : null;
        }
        return null;
    }

    /**
     * {@code json} as {@code type}, with the mapper for the type's class, read straight from the
     * tree: {@code convertValue} would first write the tree out to a buffer and read that. A value
     * whose class has a copier is a copy of the one read from equal JSON before, when there is one.
     * {@code fromStore} says {@code json} is a node of a stored tree, which nothing changes in
     * place, so it may be remembered by identity; any other node is remembered by a copy.
     */
    @SuppressWarnings("unchecked")
    <T> T convert(JsonNode json, JavaType type, boolean fromStore) {
        if (byJson == null || !json.isObject()) {
            return read(json, type);
        }
        Built known = fromStore ? byStoredNode.getIfPresent(json) : null;
        if (known == null) {
            known = byJson.getIfPresent(json);
            if (known != null && fromStore) {
                byStoredNode.put(json, known);
            }
        }
        if (known != null && known.type().equals(type)) {
            Object copy = types.copy(known.value());
            if (copy != null) {
                return (T) copy;
            }
        }
        T value = read(json, type);
        Object untouched = value == null ? null : types.copy(value);
        if (untouched != null) {
            Built fresh = new Built(type, untouched);
            byJson.put(fromStore ? json : json.deepCopy(), fresh);
            if (fromStore) {
                byStoredNode.put(json, fresh);
            }
        }
        return value;
    }

    private <T> T read(JsonNode json, JavaType type) {
        return mapperFor(type.getRawClass().getName()).treeToValue(json, type);
    }

    /**
     * The hint to store for {@code value}, or null. A type that could not be rebuilt is still
     * noted (allowing it later makes old sessions readable), with a one-time DEBUG line.
     */
    String hintFor(String attribute, Object value) {
        String hint = TypeHints.of(value);
        if (hint != null) {
            for (String name : TypeHints.classNames(hint)) {
                if (!types.allows(name) && warnOnce(name)) {
                    // Only an untyped read cares, and it warns when it refuses; typed reads need no allowing.
                    LOG.debug("session attribute '{}' holds a {}, which is not an allowed attribute type: later untyped"
                            + " reads give nothing. Allow it with AttributeTypes.allowPackages(...) or allow(...)",
                            attribute, name);
                }
            }
        }
        return hint;
    }

    /**
     * A stored value as the type its hint names, or in its JSON shape when it has no hint (a value
     * another app wrote). Empty when the hint cannot be used: a refused or missing class, or JSON
     * that does not fit. Code that casts what it reads copes with an absent value, as with one
     * never set, where a map in place of its own type would fail on every request.
     */
    Optional<Object> readUntyped(String attribute, JsonNode json, String hint, boolean fromStore) {
        if (hint == null) {
            return Optional.ofNullable(mapper.treeToValue(json, Object.class));
        }
        JavaType type = hintTypes.get(hint);
        if (type == null) {
            List<String> names = TypeHints.classNames(hint);
            if (names.isEmpty()) {
                return refuse(attribute, "a malformed type hint");
            }
            for (String name : names) {
                if (!types.allows(name)) {
                    return refuse(attribute, "the type hint names " + name + ", which is not an allowed attribute type");
                }
            }
            try {
                type = mapper.getTypeFactory().constructFromCanonical(hint);
            } catch (IllegalArgumentException e) {
                return refuse(attribute, "the type hint names a class this application does not have");
            }
            if (hintTypes.size() < MAX_HINT_TYPES) {
                hintTypes.put(hint, type);
            }
        }
        try {
            return Optional.ofNullable(convert(json, type, fromStore));
        } catch (JacksonException | IllegalArgumentException e) {
            return refuse(attribute, "its JSON does not fit " + type.getRawClass().getName());
        }
    }

    private static Optional<Object> refuse(String attribute, String reason) {
        LOG.warn("session attribute '{}' reads as absent: {}. Its stored JSON is kept; a typed read"
                + " (get(name, Type.class)) still sees it", attribute, reason);
        return Optional.empty();
    }

    private boolean warnOnce(String className) {
        return warned.size() < MAX_WARNED && warned.add(className);
    }
}
