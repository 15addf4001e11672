package dev.cloakroom.redis;

import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.function.Supplier;

/**
 * One {@link TestRedis} for a test class, registered as a static {@code @RegisterExtension} field:
 * started before the class's first test, closed after its last. {@code @Nested} classes inherit the
 * extension and share the outer class's Redis; only the class that started it closes it.
 */
final class RedisForClass implements BeforeAllCallback, AfterAllCallback {

    private final Supplier<TestRedis> start;
    private TestRedis redis;
    private String startedBy;

    private RedisForClass(Supplier<TestRedis> start) {
        this.start = start;
    }

    static RedisForClass standalone() {
        return new RedisForClass(TestRedis::standalone);
    }

    /** A Cluster; the class is skipped when only a standalone server is configured (see {@link TestRedis#cluster()}). */
    static RedisForClass cluster() {
        return new RedisForClass(TestRedis::cluster);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (redis == null) {
            redis = start.get();
            startedBy = context.getUniqueId();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (redis != null && context.getUniqueId().equals(startedBy)) {
            try {
                redis.close();
            } finally {
                redis = null;
            }
        }
    }

    String uri() {
        return redis.uri();
    }

    RedisClusterCommands<String, String> raw() {
        return redis.raw();
    }

    /** Empties the database (every master on a Cluster). */
    void flush() {
        redis.flush();
    }
}
