package dev.cloakroom.memory;

import dev.cloakroom.MemoryStore;
import dev.cloakroom.SessionStore;
import dev.cloakroom.testkit.SessionStoreContract;

/** The store contract, on the default MemoryStore. */
class MemoryStoreContractTest extends SessionStoreContract {

    @Override
    protected SessionStore createStore() {
        return MemoryStore.builder().build();
    }
}
