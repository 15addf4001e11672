package dev.cloakroom.memory;

import dev.cloakroom.MemoryStore;
import dev.cloakroom.SessionStore;
import dev.cloakroom.UserIndexedSessionStore;
import dev.cloakroom.testkit.SessionStoreContract;
import dev.cloakroom.testkit.UserIndexContract;
import org.junit.jupiter.api.Nested;

/** The store contract, on the default MemoryStore, user index included. */
class MemoryStoreContractTest extends SessionStoreContract {

    @Override
    protected SessionStore createStore() {
        return MemoryStore.builder().build();
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
