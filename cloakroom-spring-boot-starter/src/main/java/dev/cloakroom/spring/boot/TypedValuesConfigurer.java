package dev.cloakroom.spring.boot;

import dev.cloakroom.SessionOptions;
import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Which stored attribute values come back as the Java types they were saved as: classes in the
 * application's packages and in {@code cloakroom.allowed-packages}, and, when Spring Security is
 * present, Spring Security's own types, written and read by a mapper of their own
 * ({@link SecurityMapper}) so that its default typing never reaches the application's values.
 *
 * <p>This is the one place that talks to core's typed-attribute API.
 */
final class TypedValuesConfigurer {

    static final String SECURITY_PREFIX = "org.springframework.security.";

    private final List<String> packages;
    private final ClassLoader classLoader;

    TypedValuesConfigurer(List<String> applicationPackages, List<String> allowedPackages, ClassLoader classLoader) {
        LinkedHashSet<String> all = new LinkedHashSet<>(applicationPackages);
        for (String p : allowedPackages) {
            if (p == null || p.isBlank()) {
                throw new CloakroomConfigurationException("cloakroom.allowed-packages",
                        "contains an empty entry.", "Remove the empty entry from cloakroom.allowed-packages.");
            }
            all.add(p.trim());
        }
        this.packages = List.copyOf(new ArrayList<>(all));
        this.classLoader = classLoader;
    }

    /** The packages whose classes may be rebuilt from a stored type hint. */
    List<String> packages() {
        return packages;
    }

    /** Whether Spring Security's Jackson 3 modules can be used. */
    boolean securityTypesPresent() {
        return ClassUtils.isPresent("org.springframework.security.jackson.SecurityJacksonModules", classLoader)
                && ClassUtils.isPresent("tools.jackson.databind.json.JsonMapper", classLoader);
    }

    /**
     * Hands the types to {@code builder}. Waiting for core's {@code AttributeTypes}: until then
     * values come back as core stores them today (maps and lists), so a Spring Security login
     * does not survive to the next request. The wiring is:
     * {@code builder.attributeTypes(AttributeTypes.builder().allowPackages(packages)
     * .mapper(SECURITY_PREFIX, SecurityMapper.create(classLoader)).build())}.
     */
    void apply(SessionOptions.Builder builder) {
    }
}
