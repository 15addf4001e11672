package dev.cloakroom.spring.boot;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import dev.cloakroom.SessionStore;
import dev.cloakroom.mongodb.MongoStore;
import dev.cloakroom.mongodb.MongoStoreBuilder;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;

import java.util.Map;

/**
 * {@code cloakroom.store=mongodb}: a {@link MongoStore} on the application's {@link MongoClient},
 * the one Spring Boot builds from {@code spring.mongodb.*} (or the application's own).
 */
final class MongoStoreFactory {

    private MongoStoreFactory() {
    }

    static SessionStore create(MongoStoreProperties p, Binder binder, ListableBeanFactory beans) {
        MongoClient client = beans.getBeanProvider(MongoClient.class).getIfUnique();
        if (client == null) {
            throw new CloakroomConfigurationException("cloakroom.store",
                    "is mongodb, but the application has no (single) MongoClient.",
                    "Add spring-boot-starter-mongodb and set spring.mongodb.uri, or define one MongoClient bean.");
        }
        try {
            return MongoStore.builder()
                    .client(client)
                    .database(database(p, binder))
                    .collection(p.getCollection())
                    .defaultTtl(p.getDefaultTtl())
                    .createTtlIndex(p.isCreateTtlIndex())
                    .build();
        } catch (IllegalArgumentException e) {
            throw OptionErrors.translate(e, Map.of("database", "cloakroom.mongodb.database",
                    "collection", "cloakroom.mongodb.collection",
                    "defaultTtl", "cloakroom.mongodb.default-ttl"), "cloakroom.mongodb");
        }
    }

    /** cloakroom.mongodb.database, else Spring Boot's spring.mongodb.database, else the URI's, else Cloakroom's default. */
    private static String database(MongoStoreProperties p, Binder binder) {
        if (p.getDatabase() != null) {
            return p.getDatabase();
        }
        String boot = binder.bind("spring.mongodb.database", String.class).orElse(null);
        if (boot != null) {
            return boot;
        }
        String uri = binder.bind("spring.mongodb.uri", String.class).orElse(null);
        if (uri != null) {
            try {
                String fromUri = new ConnectionString(uri).getDatabase();
                if (fromUri != null) {
                    return fromUri;
                }
            } catch (IllegalArgumentException e) {
                // Spring Boot's MongoClient already refused this URI; nothing to add.
            }
        }
        return MongoStoreBuilder.DEFAULT_DATABASE;
    }
}
