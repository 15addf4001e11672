package dev.cloakroom.spring.boot;

import dev.cloakroom.SessionStore;
import dev.cloakroom.jdbc.JdbcStore;
import org.springframework.beans.factory.ListableBeanFactory;

import javax.sql.DataSource;
import java.util.Map;

/** {@code cloakroom.store=jdbc}: a {@link JdbcStore} on the application's {@link DataSource}. */
final class JdbcStoreFactory {

    private JdbcStoreFactory() {
    }

    static SessionStore create(JdbcStoreProperties p, ListableBeanFactory beans) {
        DataSource dataSource = beans.getBeanProvider(DataSource.class).getIfUnique();
        if (dataSource == null) {
            boolean several = beans.getBeanNamesForType(DataSource.class).length > 1;
            throw new CloakroomConfigurationException("cloakroom.store",
                    several ? "is jdbc, and there are several DataSource beans to choose from."
                            : "is jdbc, but the application has no DataSource.",
                    several ? "Mark the one for sessions @Primary, or define a SessionStore bean with JdbcStore.builder(dataSource)."
                            : "Add spring-boot-starter-jdbc and set spring.datasource.url, or define a DataSource bean.");
        }
        try {
            return JdbcStore.builder(dataSource)
                    .table(p.getTable())
                    .createTableIfMissing(p.isCreateTable())
                    .pruneInterval(p.getPruneInterval())
                    .queryTimeout(p.getQueryTimeout())
                    .defaultTtl(p.getDefaultTtl())
                    .build();
        } catch (IllegalArgumentException e) {
            throw OptionErrors.translate(e, Map.of("table", "cloakroom.jdbc.table",
                    "pruneInterval", "cloakroom.jdbc.prune-interval",
                    "queryTimeout", "cloakroom.jdbc.query-timeout",
                    "defaultTtl", "cloakroom.jdbc.default-ttl"), "cloakroom.jdbc");
        }
    }
}
