package dev.cloakroom.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.junit.jupiter.api.Assumptions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Redis a test class runs against: {@code CLOAKROOM_TEST_REDIS_URL} (and
 * {@code CLOAKROOM_TEST_REDIS_CLUSTER_URL} for a Cluster) when set, otherwise real redis-server
 * processes started here and stopped by {@link #close()}. {@link #raw()} is a plain Lettuce
 * connection for looking at keys as another client (a Node app, say) would.
 */
final class TestRedis implements AutoCloseable {

    static final String URL_VARIABLE = "CLOAKROOM_TEST_REDIS_URL";
    static final String CLUSTER_URL_VARIABLE = "CLOAKROOM_TEST_REDIS_CLUSTER_URL";

    private final String uri;
    private final List<EmbeddedRedis> processes;
    private final AutoCloseable adminClient;
    private final RedisClusterCommands<String, String> raw;

    private TestRedis(String uri, List<EmbeddedRedis> processes, AutoCloseable adminClient, RedisClusterCommands<String, String> raw) {
        this.uri = uri;
        this.processes = processes;
        this.adminClient = adminClient;
        this.raw = raw;
    }

    static TestRedis standalone() {
        String env = System.getenv(URL_VARIABLE);
        if (env != null && !env.isBlank()) {
            return standaloneAt(env, List.of());
        }
        EmbeddedRedis redis = EmbeddedRedis.launch();
        try {
            return standaloneAt(redis.uri(), List.of(redis));
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
    }

    private static TestRedis standaloneAt(String uri, List<EmbeddedRedis> processes) {
        RedisClient client = RedisClient.create(uri);
        StatefulRedisConnection<String, String> connection = client.connect();
        return new TestRedis(uri, processes, () -> {
            connection.close();
            client.shutdown();
        }, connection.sync());
    }

    /** A Cluster; skipped when only a standalone server is configured through the environment. */
    static TestRedis cluster() {
        String env = System.getenv(CLUSTER_URL_VARIABLE);
        if (env != null && !env.isBlank()) {
            return clusterAt(env, List.of());
        }
        String standalone = System.getenv(URL_VARIABLE);
        Assumptions.assumeTrue(standalone == null || standalone.isBlank(),
                URL_VARIABLE + " is set without " + CLUSTER_URL_VARIABLE + ": no Cluster to test against");
        List<EmbeddedRedis> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                nodes.add(EmbeddedRedis.launch("cluster-enabled yes", "cluster-config-file nodes.conf", "cluster-node-timeout 2000"));
            }
            ClusterFormation.form(nodes, Duration.ofSeconds(30));
            StringBuilder uri = new StringBuilder("redis-cluster://");
            for (EmbeddedRedis node : nodes) {
                uri.append(uri.length() > "redis-cluster://".length() ? "," : "").append("127.0.0.1:").append(node.port);
            }
            return clusterAt(uri.toString(), nodes);
        } catch (RuntimeException | Error e) {
            nodes.forEach(EmbeddedRedis::close);
            throw e;
        }
    }

    private static TestRedis clusterAt(String uri, List<EmbeddedRedis> processes) {
        List<RedisURI> seeds = ClusterUri.parse(uri);
        RedisClusterClient client = RedisClusterClient.create(seeds);
        StatefulRedisClusterConnection<String, String> connection = client.connect();
        return new TestRedis(uri, processes, () -> {
            connection.close();
            client.shutdown();
        }, connection.sync());
    }

    String uri() {
        return uri;
    }

    RedisClusterCommands<String, String> raw() {
        return raw;
    }

    /** Empties the database (every master on a Cluster). */
    void flush() {
        raw.flushdb();
    }

    @Override
    public void close() throws Exception {
        try {
            adminClient.close();
        } finally {
            processes.forEach(EmbeddedRedis::close);
        }
    }
}
