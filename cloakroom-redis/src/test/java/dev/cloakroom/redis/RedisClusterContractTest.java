package dev.cloakroom.redis;

import dev.cloakroom.Session;
import dev.cloakroom.SessionContext;
import dev.cloakroom.SessionManager;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.SessionStore;
import dev.cloakroom.testkit.DirectExchange;
import dev.cloakroom.testkit.SessionStoreContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole store contract on a 3-master Redis Cluster formed by hand. Sessions land in different
 * slots, so listing walks every master, and regenerate (destroy + set of two keys) never needs a
 * cross-slot command.
 */
class RedisClusterContractTest extends SessionStoreContract {

    @RegisterExtension
    static final RedisForClass cluster = RedisForClass.cluster();

    @Override
    protected SessionStore createStore() {
        cluster.flush();
        return RedisStore.connect(cluster.uri());
    }

    @Nested
    class WhenASessionChangesItsId {

        @Test
        void theDataMovesToTheNewKeyAndTheOldKeyIsGoneWhateverTheirSlots() {
            SessionManager manager = new SessionManager(SessionOptions.builder().secret("cluster").store(store).build());
            DirectExchange first = DirectExchange.withCookie(null);
            SessionContext login = manager.open(first);
            login.session().set("cart", "book");
            login.commit();
            String oldId = login.session().id();

            SessionContext next = manager.open(DirectExchange.withCookie(first.cookieToSendBack()));
            Session session = next.session();
            session.changeId();
            String newId = session.id();
            next.commit();

            assertThat(cluster.raw().exists("sess:" + oldId)).isZero();
            assertThat(cluster.raw().get("sess:" + newId)).contains("\"cart\":\"book\"");
        }
    }
}
