package dev.cloakroom.spring.boot;

import dev.cloakroom.micrometer.CloakroomMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Cloakroom's meters ({@link CloakroomMetrics}) whenever {@code cloakroom-micrometer} is on the class
 * path and the application has a {@link MeterRegistry}: a {@link CloakroomOptionsCustomizer} adds them
 * to the options as listener and store observer. Ordered after Boot's registry auto-configuration,
 * named so the starter needs no Boot metrics module, as Boot's own Tomcat metrics do.
 *
 * <p>Boot's metrics module binds every {@code MeterBinder} bean to its registry; this binds the
 * meters to the unique (or primary) registry itself as well, so they also appear with a registry
 * the application declared without that module. Binding one registry twice counts once.
 */
@AutoConfiguration(before = CloakroomAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass({CloakroomMetrics.class, MeterRegistry.class})
public class CloakroomMetricsAutoConfiguration {

    /** An auto-configuration; Spring makes it. */
    public CloakroomMetricsAutoConfiguration() {
    }

    @Bean
    @ConditionalOnBean(MeterRegistry.class)
    @ConditionalOnMissingBean
    CloakroomMetrics cloakroomMetrics(ObjectProvider<MeterRegistry> registries) {
        CloakroomMetrics metrics = new CloakroomMetrics();
        MeterRegistry registry = registries.getIfUnique();
        if (registry != null) {
            metrics.bindTo(registry);
        }
        return metrics;
    }

    @Bean
    @ConditionalOnBean(CloakroomMetrics.class)
    CloakroomOptionsCustomizer cloakroomMetricsCustomizer(CloakroomMetrics metrics) {
        return metrics::addTo;
    }
}
