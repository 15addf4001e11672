package dev.cloakroom.spring.boot;

import dev.cloakroom.AttributeTypes;
import dev.cloakroom.SessionOptions;
import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.List;

/**
 * Which stored attribute values come back as the Java types they were saved as: classes in the
 * application's packages ({@code @SpringBootApplication}'s) and in
 * {@code cloakroom.allowed-packages}, and, when Spring Security is present, Spring Security's own
 * types, written and read by a mapper of their own ({@link SecurityMapper}) so that its default
 * typing never reaches the application's values; a form login's context also gets a fingerprint
 * ({@link FormLoginContexts}), so a request that leaves it alone does not write it out,
 * and a copier, so reading a stored version again does not run Spring Security's deserializers.
 */
final class TypedValuesConfigurer {

    static final String SECURITY_PACKAGE = "org.springframework.security";

    private final List<String> applicationPackages;
    private final List<String> allowedPackages;
    private final ClassLoader classLoader;

    TypedValuesConfigurer(List<String> applicationPackages, List<String> allowedPackages, ClassLoader classLoader) {
        this.applicationPackages = List.copyOf(applicationPackages);
        this.allowedPackages = List.copyOf(allowedPackages);
        this.classLoader = classLoader;
    }

    /** Whether Spring Security's Jackson 3 modules can be used. */
    boolean securityTypesPresent() {
        return ClassUtils.isPresent("org.springframework.security.jackson.SecurityJacksonModules", classLoader);
    }

    /** The allowed types, for {@link SessionOptions.Builder#attributeTypes}. */
    AttributeTypes attributeTypes() {
        AttributeTypes.Builder types = AttributeTypes.builder();
        for (String p : applicationPackages) {
            try {
                types.allowPackages(p);
            } catch (IllegalArgumentException e) {
                throw new CloakroomConfigurationException("cloakroom.allowed-packages",
                        "cannot include the application's package '" + p + "': " + e.getMessage() + ".",
                        "Move the @SpringBootApplication class into a package of the application's own"
                                + " (com.example.shop, not com), or define a SessionOptions bean.");
            }
        }
        for (String p : allowedPackages) {
            if (p == null || p.isBlank()) {
                throw new CloakroomConfigurationException("cloakroom.allowed-packages", "contains an empty entry.",
                        "Remove the empty entry from cloakroom.allowed-packages.");
            }
            try {
                types.allowPackages(p.trim());
            } catch (IllegalArgumentException e) {
                throw new CloakroomConfigurationException("cloakroom.allowed-packages",
                        e.getMessage().replaceFirst("^attributeTypes\\.allowPackages: ", "") + ".",
                        "Name the application's own packages in cloakroom.allowed-packages.");
            }
        }
        if (securityTypesPresent()) {
            List<String> own = new ArrayList<>(applicationPackages);
            allowedPackages.stream().map(String::trim).forEach(own::add);
            types.mapper(SECURITY_PACKAGE, SecurityMapper.create(classLoader, own));
            FormLoginContexts.register(types);
        }
        return types.build();
    }

    void apply(SessionOptions.Builder builder) {
        builder.attributeTypes(attributeTypes());
    }
}
