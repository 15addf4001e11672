package dev.cloakroom.redis;

import dev.cloakroom.SessionStore;
import dev.cloakroom.testkit.TimeoutsAcrossRestartsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The timeouts across an application restart, on one standalone Redis that outlives both apps. */
class RedisTimeoutsAcrossRestartsTest extends TimeoutsAcrossRestartsContract {

    @RegisterExtension
    static final RedisForClass redis = RedisForClass.standalone();

    @Override
    protected SessionStore openStore() {
        return RedisStore.connect(redis.uri());
    }
}
