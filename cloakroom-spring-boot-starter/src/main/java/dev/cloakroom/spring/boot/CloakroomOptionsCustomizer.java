package dev.cloakroom.spring.boot;

import dev.cloakroom.SessionOptions;

/**
 * A bean that adjusts Cloakroom's options after the {@code cloakroom.*} properties were applied and
 * before they are checked and built: for what properties cannot say (a {@code genid} function,
 * per-request cookie settings), and the place where metrics will hook in. Customizers run in
 * {@link org.springframework.core.annotation.Order} order. A {@link SessionOptions} bean of the
 * application's own replaces the properties and every customizer.
 */
@FunctionalInterface
public interface CloakroomOptionsCustomizer {

    /**
     * Changes {@code builder}; invalid values still fail when the options are built, at startup.
     *
     * @param builder the options as the properties made them
     */
    void customize(SessionOptions.Builder builder);
}
