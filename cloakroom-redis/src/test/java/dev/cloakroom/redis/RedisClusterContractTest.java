package dev.cloakroom.redis;

import dev.cloakroom.Session;
import dev.cloakroom.SessionContext;
import dev.cloakroom.SessionManager;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.SessionStore;
import dev.cloakroom.UserIndexedSessionStore;
import dev.cloakroom.testkit.UserIndexContract;
import dev.cloakroom.testkit.DirectExchange;
import dev.cloakroom.testkit.SessionStoreContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole store contract on a 3-master Redis Cluster formed by hand. The listing tests' ids land
 * on every master (checked below against the live topology), so a listing that scans one node
 * fails them; regenerate (destroy + set of two keys) never needs a cross-slot command.
 */
class RedisClusterContractTest extends SessionStoreContract {

    @RegisterExtension
    static final RedisForClass cluster = RedisForClass.cluster();

    @Override
    protected SessionStore createStore() {
        cluster.flush();
        return RedisStore.connect(cluster.uri());
    }

    @Override
    protected boolean touchesOnRead() {
        return true;
    }

    @Nested
    class WhenSessionsAreListed {

        @Test
        void theContractsListedIdsLandOnEveryMasterOfTheCluster() {
            RedisClusterClient client = RedisClusterClient.create(ClusterUri.parse(cluster.uri()));
            try {
                Partitions partitions = client.getPartitions();
                Set<String> masters = partitions.stream().filter(n -> !n.hasNoSlots())
                        .map(RedisClusterNode::getNodeId).collect(Collectors.toSet());
                Set<String> reached = LISTED_IDS.stream()
                        .map(id -> partitions.getMasterBySlot(SlotHash.getSlot(((RedisStore) store).key(id))).getNodeId())
                        .collect(Collectors.toSet());
                assertThat(masters).as("masters serving slots").hasSizeGreaterThan(1);
                assertThat(reached).as("masters holding the keys of %s", LISTED_IDS).isEqualTo(masters);
            } finally {
                client.shutdown();
            }
        }
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

    @Nested
    class WhenSessionsAreBoundToUsers extends UserIndexContract {
        @Override
        protected UserIndexedSessionStore store() {
            return (UserIndexedSessionStore) store;
        }
    }
}
