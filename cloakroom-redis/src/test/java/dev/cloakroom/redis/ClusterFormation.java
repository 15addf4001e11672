package dev.cloakroom.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Forms a Redis Cluster by hand from nodes started with {@code cluster-enabled yes}: each node
 * takes an equal share of the 16384 slots (CLUSTER ADDSLOTS), the others MEET the first, then we
 * wait for {@code cluster_state:ok} on every node.
 */
final class ClusterFormation {

    private static final int SLOTS = 16384;

    private ClusterFormation() {
    }

    static void form(List<EmbeddedRedis> nodes, Duration bound) {
        RedisClient client = RedisClient.create();
        try {
            int n = nodes.size();
            for (int i = 0; i < n; i++) {
                RedisCommands<String, String> node = client.connect(RedisURI.create("127.0.0.1", nodes.get(i).port)).sync();
                int from = i * SLOTS / n;
                int to = (i + 1) * SLOTS / n;
                node.clusterAddSlots(IntStream.range(from, to).toArray());
                if (i > 0) {
                    node.clusterMeet("127.0.0.1", nodes.get(0).port);
                }
            }
            long deadline = System.nanoTime() + bound.toNanos();
            for (EmbeddedRedis each : nodes) {
                RedisCommands<String, String> node = client.connect(RedisURI.create("127.0.0.1", each.port)).sync();
                while (!node.clusterInfo().contains("cluster_state:ok")) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("cluster not ok after " + bound + ": " + node.clusterInfo());
                    }
                    sleep(100);
                }
            }
        } finally {
            client.shutdown();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
