/**
 * Cloakroom's Micrometer meters: {@link dev.cloakroom.micrometer.CloakroomMetrics}, a
 * {@code MeterBinder} that is also the session listener and store observer feeding it.
 */
package dev.cloakroom.micrometer;
