package dev.cloakroom.spring.boot;

import dev.cloakroom.MemoryStore;
import dev.cloakroom.SessionStore;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.util.ClassUtils;

import java.util.Map;

/**
 * The store {@code cloakroom.store} names. Each store's factory is its own class, loaded only
 * when chosen, so the store modules (and their drivers) stay optional.
 */
final class SessionStoreFactory {

    private SessionStoreFactory() {
    }

    static SessionStore create(CloakroomProperties p, Binder binder, ListableBeanFactory beans, ClassLoader classLoader) {
        CloakroomProperties.StoreType type = p.getStore();
        if (type == null) {
            throw new CloakroomConfigurationException("cloakroom.store", "is empty.",
                    "Set cloakroom.store to memory, redis, jdbc or mongodb.");
        }
        return switch (type) {
            case MEMORY -> memory(p.getMemory());
            case REDIS -> {
                requireModule(classLoader, "redis", "dev.cloakroom.redis.RedisStore", "cloakroom-redis");
                yield RedisStoreFactory.create(p.getRedis(), binder);
            }
            case JDBC -> {
                requireModule(classLoader, "jdbc", "dev.cloakroom.jdbc.JdbcStore", "cloakroom-jdbc");
                yield JdbcStoreFactory.create(p.getJdbc(), beans);
            }
            case MONGODB -> {
                requireModule(classLoader, "mongodb", "dev.cloakroom.mongodb.MongoStore", "cloakroom-mongodb");
                yield MongoStoreFactory.create(p.getMongodb(), binder, beans);
            }
        };
    }

    private static SessionStore memory(MemoryStoreProperties m) {
        try {
            return MemoryStore.builder().maxSessions(m.getMaxSessions()).defaultTtl(m.getDefaultTtl()).build();
        } catch (IllegalArgumentException e) {
            throw OptionErrors.translate(e, Map.of("maxSessions", "cloakroom.memory.max-sessions",
                    "defaultTtl", "cloakroom.memory.default-ttl"), "cloakroom.memory");
        }
    }

    private static void requireModule(ClassLoader classLoader, String store, String className, String artifact) {
        if (!ClassUtils.isPresent(className, classLoader)) {
            throw new CloakroomConfigurationException("cloakroom.store",
                    "is " + store + ", but dev.cloakroom:" + artifact + " is not on the classpath.",
                    "Add the dependency dev.cloakroom:" + artifact + ", or choose another cloakroom.store.");
        }
    }
}
