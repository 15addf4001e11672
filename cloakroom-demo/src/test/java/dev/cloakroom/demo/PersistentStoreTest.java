package dev.cloakroom.demo;

import dev.cloakroom.testkit.NoSessionIdInLogs;
import org.junit.jupiter.api.extension.ExtendWith;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Stores that outlive the demo process: H2 and SQLite files, and a MongoDB server; memory does not. */
@ExtendWith(NoSessionIdInLogs.class)
class PersistentStoreTest {

    @TempDir
    Path dir;

    /** Logs in on a fresh demo, stops it, starts another on the same store, and visits the dashboard. */
    private static HttpResponse<String> dashboardAfterRestart(String store) {
        String cookie;
        try (DemoServer first = DemoServer.start("--secret", "restart-secret", "--store", store)) {
            Browser browser = first.browser();
            assertThat(browser.login("admin", "secret").statusCode()).isEqualTo(302);
            assertThat(browser.get("/dashboard").statusCode()).isEqualTo(200);
            cookie = browser.cookie();
        }
        try (DemoServer second = DemoServer.start("--secret", "restart-secret", "--store", store)) {
            Browser browser = second.browser();
            browser.cookie(cookie);
            return browser.get("/dashboard");
        }
    }

    @Nested
    class WhenTheDemoRestartsOnAnH2File {

        @Test
        void keepsTheUserLoggedIn() {
            HttpResponse<String> dashboard = dashboardAfterRestart("jdbc:h2:file:" + dir.resolve("data/sessions"));

            assertThat(dashboard.statusCode()).isEqualTo(200);
            assertThat(dashboard.body()).contains("admin");
        }
    }

    @Nested
    class WhenTheDemoRestartsOnASqliteFile {

        @Test
        void keepsTheUserLoggedIn() {
            HttpResponse<String> dashboard = dashboardAfterRestart("jdbc:sqlite:" + dir.resolve("data/sessions.db"));

            assertThat(dashboard.statusCode()).isEqualTo(200);
            assertThat(dashboard.body()).contains("admin");
        }

        @Test
        void createsTheDirectoryForTheFile() {
            Path file = dir.resolve("new/nested/sessions.db");
            try (DemoServer server = DemoServer.start("--secret", "s", "--store", "jdbc:sqlite:" + file)) {
                server.browser().login("admin", "secret");
            }
            assertThat(file).exists();
        }
    }

    @Nested
    class WhenTheDemoRestartsOnMongoDb {

        @Test
        void keepsTheUserLoggedIn() {
            // mongo-java-server speaks MongoDB's wire protocol to the real driver; it outlives both demos.
            MongoServer mongo = new MongoServer(new MemoryBackend());
            try {
                mongo.bind("127.0.0.1", 0);
                HttpResponse<String> dashboard = dashboardAfterRestart(
                        "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/demo");

                assertThat(dashboard.statusCode()).isEqualTo(200);
                assertThat(dashboard.body()).contains("admin");
            } finally {
                mongo.shutdownNow();
            }
        }
    }

    @Nested
    class WhenTheDemoRestartsOnMemory {

        @Test
        void forgetsTheLoginAsDocumented() {
            HttpResponse<String> dashboard = dashboardAfterRestart("memory");

            assertThat(dashboard.statusCode()).isEqualTo(302);
            assertThat(dashboard.headers().firstValue("Location")).contains("/login");
        }
    }
}
