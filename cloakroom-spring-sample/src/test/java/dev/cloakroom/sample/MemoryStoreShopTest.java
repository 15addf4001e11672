package dev.cloakroom.sample;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shop on the default store, Cloakroom's MemoryStore. */
class MemoryStoreShopTest extends ShopScenarios {

    private static ShopServer server;

    @BeforeAll
    static void start() {
        server = ShopServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    ShopServer server() {
        return server;
    }

    @Test
    void theDefaultStoreIsMemory() {
        assertThat(server.context().getBean(dev.cloakroom.SessionStore.class)).isInstanceOf(dev.cloakroom.MemoryStore.class);
    }
}
