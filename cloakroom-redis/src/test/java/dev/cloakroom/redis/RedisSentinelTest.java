package dev.cloakroom.redis;

import dev.cloakroom.StoredSession;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.embedded.RedisSentinel;
import redis.embedded.core.ExecutableProvider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code redis-sentinel://} URI: the store asks a real Sentinel (redis-server --sentinel) for
 * the master of {@code mymaster} and reads and writes there. Embedded only; skipped when the
 * tests are pointed at an external Redis.
 */
class RedisSentinelTest {

    @TempDir
    static Path dir;

    private static EmbeddedRedis master;
    private static RedisSentinel sentinel;
    private static int sentinelPort;

    @BeforeAll
    static void startMasterAndSentinel() throws IOException {
        String external = System.getenv(TestRedis.URL_VARIABLE);
        Assumptions.assumeTrue(external == null || external.isBlank(), "an external Redis is configured; no embedded Sentinel");
        master = EmbeddedRedis.launch();
        sentinelPort = EmbeddedRedis.freePort();
        Path conf = dir.resolve("sentinel.conf");
        Files.writeString(conf, String.join("\n",
                "bind 127.0.0.1",
                "port " + sentinelPort,
                "dir " + dir,
                "sentinel monitor mymaster 127.0.0.1 " + master.port + " 1",
                ""));
        sentinel = RedisSentinel.newRedisSentinel()
                .executableProvider(ExecutableProvider.newJarResourceProvider(dir.toFile()))
                .port(sentinelPort)
                .configFile(conf.toString())
                .build();
        sentinel.start();
    }

    @AfterAll
    static void stopAll() throws IOException {
        try {
            if (sentinel != null) {
                sentinel.stop();
            }
        } finally {
            if (master != null) {
                master.close();
            }
        }
    }

    @Test
    void theStoreWritesToTheMasterTheSentinelNames() {
        String json = "{\"cookie\":{\"expires\":null},\"user\":\"ada\"}";
        try (RedisStore store = RedisStore.connect("redis-sentinel://127.0.0.1:" + sentinelPort + "/0#mymaster")) {
            store.set("via-sentinel", new StoredSession(json, Instant.now().plusSeconds(60)));
            assertThat(store.get("via-sentinel")).map(StoredSession::json).contains(json);
            assertThat(store.replace("via-sentinel", json, new StoredSession("{}", null))).isTrue();
        }
        RedisClient client = RedisClient.create(master.uri());
        try {
            RedisCommands<String, String> raw = client.connect().sync();
            assertThat(raw.get("sess:via-sentinel")).isEqualTo("{}");
        } finally {
            client.shutdown();
        }
    }
}
