package dev.cloakroom;

import tools.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Which Java types a stored session value may be rebuilt as, without the caller naming the type.
 *
 * <p>When a value is set, Cloakroom notes its Java type beside the document (under
 * {@code __cloakroom.types}, never inside the value's own JSON), so an untyped read such as
 * {@code HttpSession.getAttribute} can return a {@code Cart} instead of a map. The store is data
 * an attacker may be able to write, so a noted type is only used when it is allowed here; any
 * other name is refused before a class is even loaded, and the value reads in its JSON shape.
 *
 * <p>Always allowed: strings, numbers, booleans, {@code java.time} values, {@code UUID},
 * {@code Locale}, {@code Currency}, and the standard lists, sets and maps. An application
 * allows its own types in one line, by package or by class:
 *
 * <pre>{@code
 * AttributeTypes.builder().allowPackages("com.example.shop").build()
 * }</pre>
 *
 * <p>A {@linkplain Builder#mapper(String, ObjectMapper) mapper for a package} writes and reads the
 * types under it with its own Jackson configuration; the Spring Boot starter uses this for Spring
 * Security's types, whose Jackson modules add class names inside their JSON, so they never touch
 * the application's values.
 *
 * <p>A {@linkplain Builder#fingerprint(Class, Function) fingerprint} for a class lets Cloakroom see
 * that a value it read is unchanged without writing the value out as JSON at the end of the request;
 * the starter gives one to Spring Security's context, read on every logged-in request. A
 * {@linkplain Builder#copier(Class, UnaryOperator) copier} lets Cloakroom read such a value from
 * JSON once per stored version and give each request a copy.
 */
public final class AttributeTypes {

    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*");
    private static final Set<String> TOO_BROAD = Set.of("java", "javax", "jdk", "sun", "com.sun", "jakarta",
            "org", "com", "net", "io", "org.springframework", "org.apache", "com.fasterxml", "tools.jackson");

    private static final Set<String> ALWAYS_ALLOWED = Set.of(
            "java.lang.Object", "java.lang.String", "java.lang.Boolean", "java.lang.Character",
            "java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long",
            "java.lang.Float", "java.lang.Double", "java.math.BigDecimal", "java.math.BigInteger",
            "java.util.UUID", "java.util.Locale", "java.util.Currency",
            "java.time.Instant", "java.time.LocalDate", "java.time.LocalDateTime", "java.time.LocalTime",
            "java.time.OffsetDateTime", "java.time.OffsetTime", "java.time.ZonedDateTime",
            "java.time.Duration", "java.time.Period", "java.time.Year", "java.time.YearMonth",
            "java.time.MonthDay", "java.time.DayOfWeek", "java.time.Month",
            "java.util.Collection", "java.util.List", "java.util.ArrayList", "java.util.LinkedList",
            "java.util.Set", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.SortedSet",
            "java.util.TreeSet", "java.util.Map", "java.util.HashMap", "java.util.LinkedHashMap",
            "java.util.SortedMap", "java.util.TreeMap");

    /** How many values read from JSON each session manager keeps for {@linkplain Builder#copier copying}. */
    public static final int MAX_COPIED = 4096;

    private static final AttributeTypes DEFAULTS = builder().build();

    private final List<String> packages;
    private final Set<String> classes;
    private final Map<String, ObjectMapper> mappers;
    private final Map<Class<?>, Function<Object, ?>> fingerprints;
    private final Map<Class<?>, UnaryOperator<Object>> copiers;

    private AttributeTypes(Builder b) {
        this.packages = List.copyOf(b.packages);
        this.classes = Set.copyOf(b.classes);
        this.mappers = Map.copyOf(b.mappers);
        this.fingerprints = Map.copyOf(b.fingerprints);
        this.copiers = Map.copyOf(b.copiers);
    }

    /** {@return the JDK value and collection types listed in the class comment, and nothing else} */
    public static AttributeTypes defaults() {
        return DEFAULTS;
    }

    /** {@return a builder that allows nothing beyond the defaults yet} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether a stored type hint may name {@code className}. The check is on the name alone, so a
     * refused class is never loaded (loading runs its static initializer).
     *
     * @param className a binary class name, as a stored hint holds it; {@code null} is refused
     * @return whether the name is always allowed, allowed here, or under a package mapper
     */
    public boolean allows(String className) {
        if (className == null || !CLASS_NAME.matcher(className).matches()) {
            return false;
        }
        if (ALWAYS_ALLOWED.contains(className) || classes.contains(className)) {
            return true;
        }
        for (String p : packages) {
            if (className.startsWith(p)) {
                return true;
            }
        }
        return mapperPrefix(className) != null;
    }

    /**
     * {@return the mapper for values of {@code className}, or {@code fallback} when no package mapper
     * covers it}
     *
     * @param className a class name that {@link #allows(String)} accepted
     * @param fallback  the session's own mapper
     */
    public ObjectMapper mapperFor(String className, ObjectMapper fallback) {
        String prefix = mapperPrefix(className);
        return prefix == null ? fallback : mappers.get(prefix);
    }

    /**
     * {@return the {@linkplain Builder#fingerprint(Class, Function) fingerprint} of {@code value}
     * as its class's function gives it, or null when its exact class has none or the function could
     * not tell}
     *
     * @param value a value read from a session
     */
    public Object fingerprint(Object value) {
        Function<Object, ?> of = fingerprints.get(value.getClass());
        return of == null ? null : of.apply(value);
    }

    /** {@return whether any class has a {@linkplain Builder#copier(Class, UnaryOperator) copier}} */
    public boolean hasCopiers() {
        return !copiers.isEmpty();
    }

    /**
     * {@return a copy of {@code value} by its class's {@linkplain Builder#copier(Class, UnaryOperator)
     * copier}, or null when its exact class has none or the copier declined}
     *
     * @param value a value read from a session
     */
    public Object copy(Object value) {
        UnaryOperator<Object> copier = copiers.get(value.getClass());
        return copier == null ? null : copier.apply(value);
    }

    private String mapperPrefix(String className) {
        for (String prefix : mappers.keySet()) {
            if (className.startsWith(prefix)) {
                return prefix;
            }
        }
        return null;
    }

    /** Collects allowed packages, classes and package mappers; {@link #build()} keeps them immutable. */
    public static final class Builder {
        private final Set<String> packages = new LinkedHashSet<>();
        private final Set<String> classes = new LinkedHashSet<>();
        private final Map<String, ObjectMapper> mappers = new LinkedHashMap<>();
        private final Map<Class<?>, Function<Object, ?>> fingerprints = new LinkedHashMap<>();
        private final Map<Class<?>, UnaryOperator<Object>> copiers = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Allows every class in these packages and their subpackages, such as {@code "com.example.shop"}.
         *
         * @param names package names; a trailing dot is allowed
         * @return this builder
         * @throws IllegalArgumentException for a malformed name, or one as broad as {@code java} or
         *                                  {@code com}, which would let a stored hint name gadget classes
         */
        public Builder allowPackages(String... names) {
            for (String name : Objects.requireNonNull(names, "names")) {
                packages.add(packagePrefix("attributeTypes.allowPackages", name));
            }
            return this;
        }

        /**
         * Allows these classes, by exact name (not their subclasses).
         *
         * @param types the classes
         * @return this builder
         * @throws NullPointerException if {@code types} or one of them is null
         */
        public Builder allow(Class<?>... types) {
            for (Class<?> type : Objects.requireNonNull(types, "types")) {
                Objects.requireNonNull(type, "attributeTypes.allow: a class is null");
                classes.add(type.getName());
            }
            return this;
        }

        /**
         * Writes and reads values whose class is under {@code packageName} with {@code mapper}
         * instead of the session's mapper, and allows those classes.
         *
         * @param packageName the package, with its subpackages
         * @param mapper      the mapper for its classes
         * @return this builder
         * @throws IllegalArgumentException for a malformed or too broad package name, as in
         *                                  {@link #allowPackages(String...)}
         * @throws NullPointerException     if {@code mapper} is null
         */
        public Builder mapper(String packageName, ObjectMapper mapper) {
            Objects.requireNonNull(mapper, "attributeTypes.mapper: mapper");
            mappers.put(packagePrefix("attributeTypes.mapper", packageName), mapper);
            return this;
        }

        /**
         * A cheap test that a value of exactly {@code type} (not a subclass), read from a session,
         * is unchanged when the request ends. Without one, Cloakroom writes out every value a
         * handler read and compares the JSON with what was stored, to catch changes made in place;
         * for a large value read on every request that costs about as much as reading it.
         *
         * <p>The function runs when the value is read and again at the end of the request. When the
         * two results are {@linkplain Object#equals equal}, the value counts as unchanged and is
         * neither written out nor saved. So a result must differ whenever the value would write
         * different JSON: build it from parts that cannot change, and compare any part that can by
         * identity. Return null when the value's shape is one the function cannot vouch for; then
         * the value is written out and compared as if there were no fingerprint.
         *
         * @param type        the exact class
         * @param fingerprint gives a value's fingerprint, or null when it cannot vouch for the value
         * @param <T>         the class
         * @return this builder
         * @throws NullPointerException if an argument is null
         */
        @SuppressWarnings("unchecked")
        public <T> Builder fingerprint(Class<T> type, Function<? super T, ?> fingerprint) {
            Objects.requireNonNull(type, "attributeTypes.fingerprint: type");
            Objects.requireNonNull(fingerprint, "attributeTypes.fingerprint: fingerprint");
            fingerprints.put(type, (Function<Object, ?>) fingerprint);
            return this;
        }

        /**
         * Reads a value of exactly {@code type} (not a subclass) from a stored JSON value once, and
         * gives each later read of equal JSON a copy instead. A value read on every request, such
         * as Spring Security's context, then costs a copy rather than a run of its deserializers;
         * a new stored version is read from JSON again, once.
         *
         * <p>Cloakroom keeps one untouched copy of each recent value, never handed out, and copies
         * it for each read. So a copy must share nothing that a handler could change in place:
         * copy every mutable part, and share only immutable ones. Return null when the value's
         * shape is one the copier cannot vouch for; then every read of it runs the deserializers.
         * At most {@link #MAX_COPIED} values are kept, the least used dropped first.
         *
         * @param type   the exact class
         * @param copier gives an independent copy of a value, or null when it cannot vouch for it
         * @param <T>    the class
         * @return this builder
         * @throws NullPointerException if an argument is null
         */
        @SuppressWarnings("unchecked")
        public <T> Builder copier(Class<T> type, UnaryOperator<T> copier) {
            Objects.requireNonNull(type, "attributeTypes.copier: type");
            Objects.requireNonNull(copier, "attributeTypes.copier: copier");
            copiers.put(type, (UnaryOperator<Object>) copier);
            return this;
        }

        /** {@return the allowed types, immutable; later changes to this builder do not reach it} */
        public AttributeTypes build() {
            return new AttributeTypes(this);
        }

        private static String packagePrefix(String option, String name) {
            if (name == null) {
                throw new IllegalArgumentException(option + ": a package name is null");
            }
            String trimmed = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
            if (!CLASS_NAME.matcher(trimmed).matches() || trimmed.contains("$")) {
                throw new IllegalArgumentException(option + ": '" + name + "' is not a package name");
            }
            if (TOO_BROAD.contains(trimmed.toLowerCase(Locale.ROOT)) || trimmed.startsWith("java.")
                    || trimmed.startsWith("javax.") || trimmed.startsWith("sun.") || trimmed.startsWith("jdk.")) {
                throw new IllegalArgumentException(option + ": '" + name + "' is too broad; a stored type hint could"
                        + " name any class in it. Name your application's own packages");
            }
            return trimmed + ".";
        }
    }

    /** For tests and logs: what is allowed beyond the defaults. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>(packages.stream().map(p -> p + "*").toList());
        parts.addAll(classes);
        parts.addAll(mappers.keySet().stream().map(p -> p + "* (own mapper)").toList());
        parts.addAll(fingerprints.keySet().stream().map(c -> c.getName() + " (fingerprint)").toList());
        parts.addAll(copiers.keySet().stream().map(c -> c.getName() + " (copier)").toList());
        return "AttributeTypes" + parts;
    }
}
