package dev.cloakroom.mongodb;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.cloakroom.SessionStore;
import dev.cloakroom.UserIndexedSessionStore;
import dev.cloakroom.testkit.SessionStoreContract;
import dev.cloakroom.testkit.UserIndexContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** The store and user-index contracts against the shared test server, on a freshly dropped collection each test. */
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
