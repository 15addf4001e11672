package dev.cloakroom.redis;

import dev.cloakroom.StoredSession;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A Lettuce client the application owns is used, and left running when the store closes. */
class RedisStoreClientTest {

    @RegisterExtension
    static final RedisForClass redis = RedisForClass.standalone();

    @Nested
    class WhenTheApplicationSuppliesTheClient {

        @Test
        void closingTheStoreLeavesTheClientUsable() {
            RedisClient client = RedisClient.create(redis.uri());
            try {
                RedisStore store = RedisStore.builder().client(client).prefix("owned:").build();
                store.set("abc", new StoredSession("{\"cookie\":{}}", null));
                store.close();

                assertThat(client.connect().sync().get("owned:abc")).isEqualTo("{\"cookie\":{}}");
                assertThatThrownBy(() -> store.get("abc")).isInstanceOf(dev.cloakroom.SessionStoreException.class);
            } finally {
                client.shutdown();
            }
        }

        /**
         * The store sets its own fail-fast options (reject while disconnected, reconnect by itself)
         * only on clients it creates; a supplied client keeps the ones its owner chose.
         */
        @Test
        void itsReconnectOptionsStayAsTheApplicationSetThem() {
            RedisClient client = RedisClient.create(redis.uri());
            ClientOptions mine = ClientOptions.builder().autoReconnect(false)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS).build();
            client.setOptions(mine);
            try (RedisStore store = RedisStore.builder().client(client).build()) {
                store.set("abc", new StoredSession("{\"cookie\":{}}", null));
                assertThat(store.get("abc")).isPresent();

                assertThat(client.getOptions()).isSameAs(mine);
                assertThat(client.getOptions().isAutoReconnect()).isFalse();
                assertThat(client.getOptions().getDisconnectedBehavior()).isEqualTo(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS);
            } finally {
                client.shutdown();
            }
        }

        @Test
        void aUriGivenWithTheClientIsTheOneItConnectsTo() {
            RedisClient client = RedisClient.create();
            try (RedisStore store = RedisStore.builder().client(client).uri(redis.uri()).build()) {
                store.set("abc", new StoredSession("{}", null));
                assertThat(redis.raw().get("sess:abc")).isEqualTo("{}");
            } finally {
                client.shutdown();
            }
        }
    }
}
