/**
 * Micrometer meters for Cloakroom sessions and their store: {@code CloakroomMetrics}. Micrometer's
 * types appear in its API ({@code MeterBinder}, {@code MeterRegistry}), hence {@code requires transitive}.
 */
module dev.cloakroom.micrometer {
    requires transitive dev.cloakroom.core;
    requires transitive micrometer.core;

    exports dev.cloakroom.micrometer;
}
