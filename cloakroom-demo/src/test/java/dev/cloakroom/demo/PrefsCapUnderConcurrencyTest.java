package dev.cloakroom.demo;

import dev.cloakroom.testkit.NoSessionIdInLogs;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's cap of 64 preferences holds when many PUTs with new names race on one session. Each
 * PUT counts the preferences it loaded; without a read check every concurrent addition would
 * survive the merge and the session would end up far over the cap. With it, a PUT whose count
 * went stale meanwhile is answered 409 and stores nothing.
 */
@ExtendWith(NoSessionIdInLogs.class)
class PrefsCapUnderConcurrencyTest {

    private static final int ALREADY_SET = 60;
    private static final int RACING = 48;

    @TempDir
    Path dir;

    @Nested
    class OnTheMemoryStore {

        @Test
        void neverStoresMoreThan64() throws Exception {
            try (DemoServer server = DemoServer.start("--secret", "cap-secret")) {
                raceNewNames(server);
            }
        }
    }

    @Nested
    class OnAnH2File {

        @Test
        void neverStoresMoreThan64() throws Exception {
            try (DemoServer server = DemoServer.start("--secret", "cap-secret", "--store", "jdbc:h2:file:" + dir.resolve("cap"))) {
                raceNewNames(server);
            }
        }
    }

    private static void raceNewNames(DemoServer server) throws Exception {
        Browser browser = server.browser();
        for (int i = 0; i < ALREADY_SET; i++) {
            assertThat(browser.put("/api/prefs/old" + i, "v").statusCode()).isEqualTo(200);
        }
        ExecutorService threads = Executors.newFixedThreadPool(RACING);
        List<Integer> statuses = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Integer>> puts = new ArrayList<>();
            for (int i = 0; i < RACING; i++) {
                String name = "new" + i;
                puts.add(CompletableFuture.supplyAsync(() -> {
                    await(go);
                    return browser.put("/api/prefs/" + name, "v").statusCode();
                }, threads));
            }
            go.countDown();
            for (CompletableFuture<Integer> put : puts) {
                statuses.add(put.get());
            }
        } finally {
            threads.shutdownNow();
        }

        HttpResponse<String> list = browser.get("/api/prefs");
        @SuppressWarnings("unchecked")
        Map<String, String> stored = new tools.jackson.databind.ObjectMapper().readValue(list.body(), Map.class);
        long accepted = statuses.stream().filter(s -> s == 200).count();

        assertThat(statuses).allMatch(s -> s == 200 || s == 400 || s == 409, "200, 400 (cap) or 409 (raced)");
        assertThat(stored).hasSizeLessThanOrEqualTo(PrefsApi.MAX_PREFS);
        assertThat(stored).hasSize(ALREADY_SET + (int) accepted);
        assertThat(accepted).isPositive();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
