package dev.cloakroom.redis;

import dev.cloakroom.SessionStore;
import dev.cloakroom.testkit.SessionStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The whole store contract against one standalone Redis, flushed before each test. */
class RedisStoreContractTest extends SessionStoreContract {

    private static TestRedis redis;

    @BeforeAll
    static void startRedis() {
        redis = TestRedis.standalone();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        if (redis != null) {
            redis.close();
        }
    }

    @Override
    protected SessionStore createStore() {
        redis.flush();
        return RedisStore.connect(redis.uri());
    }
}
