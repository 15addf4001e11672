package dev.cloakroom.mongodb;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import dev.cloakroom.SessionStoreException;
import dev.cloakroom.StoredSession;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MongoStoreBuilderTest {

    private static MongoClient admin;

    @BeforeAll
    static void connect() {
        admin = MongoClients.create(TestMongo.uri());
    }

    @AfterAll
    static void disconnect() {
        admin.close();
    }

    private static StoredSession session() {
        return new StoredSession("{\"cookie\":{\"expires\":null},\"user\":\"ada\"}", Instant.now().plus(Duration.ofHours(1)));
    }

    private static boolean holds(String database, String collection, String id) {
        return admin.getDatabase(database).getCollection(collection).find(Filters.eq("_id", id)).first() != null;
    }

    @Nested
    class WhenAnOptionIsBad {

        private void assertRefused(UnaryOperator<MongoStoreBuilder> options, String option) {
            assertThatThrownBy(() -> options.apply(MongoStore.builder()).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(option);
        }

        @Test
        void refusesNeitherUriNorClient() {
            assertRefused(b -> b, "uri or client");
        }

        @Test
        void refusesBothUriAndClient() {
            assertRefused(b -> b.uri(TestMongo.uri()).client(admin), "uri and client");
        }

        @Test
        void refusesAUriThatIsNotAMongoConnectionString() {
            assertRefused(b -> b.uri("http://127.0.0.1:27017"), "uri");
            assertThatThrownBy(() -> MongoStore.connect("not a uri")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("uri");
        }

        @Test
        void refusesAnInvalidDatabaseOrCollectionName() {
            assertRefused(b -> b.uri(TestMongo.uri()).database("has space"), "database");
            assertRefused(b -> b.uri(TestMongo.uri()).database(""), "database");
            assertRefused(b -> b.uri(TestMongo.uri()).collection(" "), "collection");
            assertRefused(b -> b.uri(TestMongo.uri()).collection(null), "collection");
            assertRefused(b -> b.uri(TestMongo.uri()).collection("a$b"), "collection");
        }

        @Test
        void refusesATimeoutThatIsNotPositive() {
            assertRefused(b -> b.uri(TestMongo.uri()).timeout(Duration.ZERO), "timeout");
            assertRefused(b -> b.uri(TestMongo.uri()).timeout(Duration.ofSeconds(-1)), "timeout");
            assertRefused(b -> b.uri(TestMongo.uri()).timeout(null), "timeout");
        }

        @Test
        void refusesATimeoutForASuppliedClientWhoseOwnSettingsGovern() {
            assertRefused(b -> b.client(admin).timeout(Duration.ofSeconds(2)), "timeout");
        }

        @Test
        void refusesADefaultTtlUnderOneSecond() {
            assertRefused(b -> b.uri(TestMongo.uri()).defaultTtl(Duration.ZERO), "defaultTtl");
            assertRefused(b -> b.uri(TestMongo.uri()).defaultTtl(null), "defaultTtl");
        }
    }

    @Nested
    class WhenBuiltFromAUri {

        @Test
        void usesTheDatabaseInTheUriPath() {
            try (MongoStore store = MongoStore.connect(TestMongo.uri())) {
                store.set("builder-path", session());
            }
            assertThat(holds(TestMongo.database(), "sessions", "builder-path")).isTrue();
            admin.getDatabase(TestMongo.database()).getCollection("sessions").deleteOne(Filters.eq("_id", "builder-path"));
        }

        @Test
        void usesTheCloakroomDatabaseWhenTheUriNamesNone() {
            try (MongoStore store = MongoStore.builder().uri(TestMongo.uriWithoutDatabase()).collection("builder_default").build()) {
                store.set("builder-default", session());
            }
            assertThat(holds("cloakroom", "builder_default", "builder-default")).isTrue();
            admin.getDatabase("cloakroom").getCollection("builder_default").drop();
        }

        @Test
        void aDatabaseOptionOverridesTheUriPath() {
            try (MongoStore store = MongoStore.builder().uri(TestMongo.uri()).database("cloakroom_test_other")
                    .collection("builder_override").build()) {
                store.set("builder-override", session());
            }
            assertThat(holds("cloakroom_test_other", "builder_override", "builder-override")).isTrue();
            admin.getDatabase("cloakroom_test_other").drop();
        }

        @Test
        void closeClosesTheClientItCreated() {
            MongoStore store = MongoStore.connect(TestMongo.uri());
            store.close();
            assertThatThrownBy(() -> store.get("any")).isInstanceOf(SessionStoreException.class);
        }
    }

    @Nested
    class WhenTheClientIsSupplied {

        @Test
        void closeLeavesItOpen() {
            try (MongoClient own = MongoClients.create(TestMongo.uri())) {
                MongoStore store = MongoStore.builder().client(own).database(TestMongo.database())
                        .collection("builder_client").build();
                store.set("builder-client", session());
                store.close();
                assertThatCode(() -> own.getDatabase(TestMongo.database()).runCommand(new Document("ping", 1)))
                        .doesNotThrowAnyException();
                assertThat(holds(TestMongo.database(), "builder_client", "builder-client")).isTrue();
                own.getDatabase(TestMongo.database()).getCollection("builder_client").drop();
            }
        }
    }
}
