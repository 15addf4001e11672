package dev.cloakroom.redis;

import dev.cloakroom.SessionStore;
import dev.cloakroom.testkit.SessionStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The whole store contract on a 3-master Redis Cluster formed by hand. Sessions land in different
 * slots, so listing walks every master, and regenerate (destroy + set of two keys) never needs a
 * cross-slot command.
 */
class RedisClusterContractTest extends SessionStoreContract {

    private static TestRedis cluster;

    @BeforeAll
    static void startCluster() {
        cluster = TestRedis.cluster();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Override
    protected SessionStore createStore() {
        cluster.flush();
        return RedisStore.connect(cluster.uri());
    }
}
