package dev.cloakroom.redis;

import dev.cloakroom.SessionStore;
import dev.cloakroom.UserIndexedSessionStore;
import dev.cloakroom.testkit.UserIndexContract;
import dev.cloakroom.testkit.SessionStoreContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole store contract against one standalone Redis, flushed before each test. */
class RedisStoreContractTest extends SessionStoreContract {

    @RegisterExtension
    static final RedisForClass redis = RedisForClass.standalone();

    @Override
    protected SessionStore createStore() {
        redis.flush();
        return RedisStore.connect(redis.uri());
    }

    @Override
    protected boolean touchesOnRead() {
        return true;
    }

    @Nested
    class WhenSessionsAreBoundToUsers extends UserIndexContract {
        @Override
        protected UserIndexedSessionStore store() {
            return (UserIndexedSessionStore) store;
        }
    }
}
