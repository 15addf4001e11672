package dev.cloakroom.internal;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Type hints: a value's Java type written as a Jackson canonical type string, such as
 * {@code java.util.ArrayList<com.example.Item>}, so an untyped read can rebuild it. A hint is
 * only made when reading the JSON back without one would give another type: strings, booleans,
 * {@code Integer}s, {@code Double}s and lists or maps of those come back as they went in.
 */
final class TypeHints {

    private static final String OBJECT = "java.lang.Object";
    private static final Set<Class<?>> JSON_NATIVE = Set.of(String.class, Boolean.class, Integer.class, Double.class);
    private static final Set<Class<?>> KEY_TYPES = Set.of(String.class, Integer.class, Long.class, UUID.class);
    private static final Set<Class<?>> CONCRETE_COLLECTIONS = Set.of(ArrayList.class, LinkedList.class, HashSet.class,
            LinkedHashSet.class, TreeSet.class, HashMap.class, LinkedHashMap.class, TreeMap.class);

    private TypeHints() {
    }

    /** The hint for {@code value}, or null when none is needed or none can be made. */
    static String of(Object value) {
        if (value == null || JSON_NATIVE.contains(value.getClass())) {
            return null;
        }
        String type = describe(value);
        return type == null || isPlainJson(type) ? null : type;
    }

    /** Whether reading the JSON untyped gives back this type anyway. */
    private static boolean isPlainJson(String type) {
        return type.equals("java.util.ArrayList<java.lang.Object>")
                || type.equals("java.util.LinkedHashMap<java.lang.String,java.lang.Object>")
                || (type.startsWith("java.util.ArrayList<java.lang.") && isNativeName(inner(type)))
                || (type.startsWith("java.util.LinkedHashMap<java.lang.String,") && isNativeName(inner(type).substring(17)));
    }

    private static String inner(String type) {
        return type.substring(type.indexOf('<') + 1, type.length() - 1);
    }

    private static boolean isNativeName(String name) {
        return name.equals(OBJECT) || JSON_NATIVE.stream().anyMatch(c -> c.getName().equals(name));
    }

    /** The full type of {@code value}, natives included; null when it has no nameable class. */
    private static String describe(Object value) {
        if (value == null || value instanceof JsonNode) {
            return null;
        }
        if (value instanceof Enum<?> e) {
            return e.getDeclaringClass().getName();
        }
        if (value instanceof Collection<?> c) {
            return collectionType(c) + "<" + common(c) + ">";
        }
        if (value instanceof Map<?, ?> m) {
            String key = commonKey(m.keySet());
            return key == null ? null : mapType(m) + "<" + key + "," + common(m.values()) + ">";
        }
        Class<?> type = value.getClass();
        if (type.isArray() || type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic() || type.isHidden()) {
            return null;
        }
        return type.getName();
    }

    /** The one type every non-null element has, or Object. */
    private static String common(Collection<?> elements) {
        String found = null;
        for (Object e : elements) {
            if (e == null) {
                continue;
            }
            String type = describe(e);
            if (type == null || (found != null && !found.equals(type))) {
                return OBJECT;
            }
            found = type;
        }
        return found == null ? OBJECT : found;
    }

    private static String commonKey(Set<?> keys) {
        Class<?> found = null;
        for (Object k : keys) {
            Class<?> type = k == null ? null : k instanceof Enum<?> e ? e.getDeclaringClass() : k.getClass();
            if (type == null || !(KEY_TYPES.contains(type) || type.isEnum()) || (found != null && found != type)) {
                return null;
            }
            found = type;
        }
        return found == null ? String.class.getName() : found.getName();
    }

    private static String collectionType(Collection<?> c) {
        if (CONCRETE_COLLECTIONS.contains(c.getClass())) {
            return c.getClass().getName();
        }
        if (c instanceof SortedSet<?>) {
            return TreeSet.class.getName();
        }
        if (c instanceof Set<?>) {
            return LinkedHashSet.class.getName();
        }
        return ArrayList.class.getName();
    }

    private static String mapType(Map<?, ?> m) {
        if (CONCRETE_COLLECTIONS.contains(m.getClass())) {
            return m.getClass().getName();
        }
        return m instanceof SortedMap<?, ?> ? TreeMap.class.getName() : LinkedHashMap.class.getName();
    }

    /** The class names a hint mentions, in order; empty when it is not a well-formed canonical type. */
    static List<String> classNames(String hint) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < hint.length(); i++) {
            char ch = hint.charAt(i);
            if (ch == '<' || ch == '>' || ch == ',') {
                if (name.isEmpty() && !(ch != '<' && i > 0 && hint.charAt(i - 1) == '>')) {
                    return List.of();
                }
                if (!name.isEmpty()) {
                    names.add(name.toString());
                    name.setLength(0);
                }
                depth += ch == '<' ? 1 : ch == '>' ? -1 : 0;
                if (depth < 0 || (ch == ',' && depth == 0)) {
                    return List.of();
                }
            } else if (Character.isJavaIdentifierPart(ch) || ch == '.') {
                name.append(ch);
            } else {
                return List.of();
            }
        }
        if (!name.isEmpty()) {
            names.add(name.toString());
        }
        return depth == 0 ? names : List.of();
    }
}
