package dev.cloakroom.spring.boot;

import dev.cloakroom.SessionStore;
import dev.cloakroom.redis.RedisStore;
import org.springframework.boot.context.properties.bind.Binder;

import java.util.Map;

/**
 * {@code cloakroom.store=redis}: a {@link RedisStore} with a Lettuce client of its own, pointed at
 * the Redis that Spring Boot's {@code spring.data.redis.*} describes; closed with the context.
 */
final class RedisStoreFactory {

    private RedisStoreFactory() {
    }

    static SessionStore create(RedisStoreProperties p, Binder binder) {
        SpringDataRedisSettings settings = binder.bind("spring.data.redis", SpringDataRedisSettings.class)
                .orElseGet(SpringDataRedisSettings::new);
        String uri = RedisUris.from(settings);
        try {
            return RedisStore.builder()
                    .uri(uri)
                    .prefix(p.getPrefix())
                    .timeout(p.getTimeout())
                    .defaultTtl(p.getDefaultTtl())
                    .build();
        } catch (IllegalArgumentException e) {
            throw OptionErrors.translate(e, Map.of("prefix", "cloakroom.redis.prefix",
                    "timeout", "cloakroom.redis.timeout",
                    "defaultTtl", "cloakroom.redis.default-ttl",
                    "uri", "spring.data.redis"), "spring.data.redis");
        }
    }
}
