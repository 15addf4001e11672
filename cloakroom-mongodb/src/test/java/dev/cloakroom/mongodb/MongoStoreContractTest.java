package dev.cloakroom.mongodb;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.cloakroom.SessionStore;
import dev.cloakroom.testkit.SessionStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract against the shared test server, on a freshly dropped collection each test. */
class MongoStoreContractTest extends SessionStoreContract {

    private static final String COLLECTION = "contract_sessions";
    private static MongoClient admin;

    @BeforeAll
    static void connect() {
        admin = MongoClients.create(TestMongo.uri());
    }

    @AfterAll
    static void disconnect() {
        admin.close();
    }

    @Override
    protected SessionStore createStore() {
        MongoStore store = MongoStore.builder().uri(TestMongo.uri()).collection(COLLECTION).build();
        admin.getDatabase(TestMongo.database()).getCollection(COLLECTION).drop();
        return store;
    }
}
