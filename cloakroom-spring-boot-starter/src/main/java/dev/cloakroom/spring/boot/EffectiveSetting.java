package dev.cloakroom.spring.boot;

import java.util.Objects;

/**
 * A value and the property it came from: Cloakroom's own, or the {@code server.servlet.session.*}
 * one standing in for it. Two properties that are both set must agree, or startup fails.
 */
record EffectiveSetting<T>(T value, String property) {

    /** {@code own} when set, else {@code servlet}; both set and different fails, naming both. */
    static <T> EffectiveSetting<T> pick(T own, String ownProperty, T servlet, String servletProperty) {
        if (own != null && servlet != null && !Objects.equals(own, servlet)) {
            throw new CloakroomConfigurationException(servletProperty,
                    "is '" + servlet + "', but " + ownProperty + " is '" + own + "': Cloakroom writes one session cookie"
                            + " and cannot follow both.",
                    "Remove " + servletProperty + "; " + ownProperty + " is the setting Cloakroom reads.");
        }
        if (own != null) {
            return new EffectiveSetting<>(own, ownProperty);
        }
        return new EffectiveSetting<>(servlet, servlet != null ? servletProperty : ownProperty);
    }

    boolean isSet() {
        return value != null;
    }
}
