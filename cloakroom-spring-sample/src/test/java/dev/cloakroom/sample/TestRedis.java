package dev.cloakroom.sample;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * The Redis a test class runs against: {@code CLOAKROOM_TEST_REDIS_URL} when set, otherwise a
 * redis-server started here. {@link #raw()} reads and writes keys as another client would.
 */
final class TestRedis implements AutoCloseable {

    private final String uri;
    private final EmbeddedRedis process;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    private TestRedis(String uri, EmbeddedRedis process) {
        this.uri = uri;
        this.process = process;
        this.client = RedisClient.create(uri);
        this.connection = client.connect();
    }

    static TestRedis start() {
        String env = System.getenv("CLOAKROOM_TEST_REDIS_URL");
        if (env != null && !env.isBlank()) {
            return new TestRedis(env, null);
        }
        EmbeddedRedis redis = EmbeddedRedis.launch();
        try {
            return new TestRedis(redis.uri(), redis);
        } catch (RuntimeException e) {
            try {
                redis.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    String uri() {
        return uri;
    }

    RedisCommands<String, String> raw() {
        return connection.sync();
    }

    @Override
    public void close() throws Exception {
        try {
            connection.close();
            client.shutdown();
        } finally {
            if (process != null) {
                process.close();
            }
        }
    }
}
