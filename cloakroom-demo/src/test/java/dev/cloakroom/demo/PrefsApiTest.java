package dev.cloakroom.demo;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

class PrefsApiTest extends RunningDemoTest {

    PrefsApiTest() {
        super("--secret", "test-secret");
    }

    @Nested
    class WhenPreferencesAreSet {

        @Test
        void listsThemAsAJsonObject() {
            Browser browser = server.browser();
            assertThat(browser.put("/api/prefs/theme", "dark").statusCode()).isEqualTo(200);
            assertThat(browser.put("/api/prefs/lang", "fr-CA").statusCode()).isEqualTo(200);

            HttpResponse<String> list = browser.get("/api/prefs");

            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(list.body()).isEqualTo("{\"theme\":\"dark\",\"lang\":\"fr-CA\"}");
        }

        @Test
        void keepsTheValueExactlyIncludingJsonAndHtmlCharacters() {
            Browser browser = server.browser();
            browser.put("/api/prefs/sig", "\"<é>\"\n");

            assertThat(browser.get("/api/prefs").body()).isEqualTo("{\"sig\":\"\\\"<é>\\\"\\n\"}");
        }

        @Test
        void replacesAValueSetAgain() {
            Browser browser = server.browser();
            browser.put("/api/prefs/theme", "dark");
            browser.put("/api/prefs/theme", "light");

            assertThat(browser.get("/api/prefs").body()).isEqualTo("{\"theme\":\"light\"}");
        }

        @Test
        void deleteRemovesOnlyThatOne() {
            Browser browser = server.browser();
            browser.put("/api/prefs/theme", "dark");
            browser.put("/api/prefs/lang", "en");

            assertThat(browser.delete("/api/prefs/theme").statusCode()).isEqualTo(204);
            assertThat(browser.get("/api/prefs").body()).isEqualTo("{\"lang\":\"en\"}");
        }

        @Test
        void deletingAMissingOneAnswers404() {
            Browser browser = server.browser();
            browser.put("/api/prefs/theme", "dark");

            HttpResponse<String> delete = browser.delete("/api/prefs/nope");

            assertThat(delete.statusCode()).isEqualTo(404);
            assertThat(delete.body()).startsWith("{\"error\":");
        }

        /**
         * The puts share one session and race: each loads it before the others save, so each
         * saves a document missing the others' change. The core's compare-and-set writer
         * re-reads and applies only its own change when it loses, so every change survives.
         * The names exist already: a PUT of a new name is read-checked against the cap, and of
         * racing new names only one wins (see {@code PrefsCapUnderConcurrencyTest}). Several
         * rounds on their own threads make sure the writes really overlap.
         */
        @Test
        void concurrentPutsToDifferentPreferencesAllSurvive() throws Exception {
            List<String> names = List.of("a", "b", "c", "d");
            ExecutorService threads = Executors.newFixedThreadPool(names.size());
            try {
                for (int round = 0; round < 10; round++) {
                    Browser browser = server.browser();
                    browser.put("/api/prefs/first", "1");
                    for (String name : names) {
                        browser.put("/api/prefs/" + name, "old");
                    }
                    CountDownLatch go = new CountDownLatch(1);
                    List<CompletableFuture<Integer>> puts = names.stream()
                            .map(name -> CompletableFuture.supplyAsync(() -> {
                                await(go);
                                return browser.put("/api/prefs/" + name, name).statusCode();
                            }, threads))
                            .toList();
                    go.countDown();
                    for (CompletableFuture<Integer> put : puts) {
                        assertThat(put.get()).isEqualTo(200);
                    }

                    String listed = browser.get("/api/prefs").body();

                    assertThat(listed).as("round %d", round).contains("\"first\":\"1\"");
                    for (String name : names) {
                        assertThat(listed).as("round %d", round).contains("\"" + name + "\":\"" + name + "\"");
                    }
                }
            } finally {
                threads.shutdownNow();
            }
        }

        private void await(CountDownLatch latch) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Nested
    class WhenTheInputIsBad {

        @Test
        void refusesANameOutsideTheAllowedCharactersWithJson() {
            HttpResponse<String> put = server.browser().put("/api/prefs/bad.name", "x");

            assertThat(put.statusCode()).isEqualTo(400);
            assertThat(put.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(put.body()).startsWith("{\"error\":");
        }

        @Test
        void refusesANameLongerThan64() {
            assertThat(server.browser().put("/api/prefs/" + "n".repeat(65), "x").statusCode()).isEqualTo(400);
            assertThat(server.browser().put("/api/prefs/" + "n".repeat(64), "x").statusCode()).isEqualTo(200);
        }

        @Test
        void refusesAValueOverOneKibibyte() {
            Browser browser = server.browser();
            HttpResponse<String> put = browser.put("/api/prefs/big", "v".repeat(1025));

            assertThat(put.statusCode()).isEqualTo(400);
            assertThat(put.body()).startsWith("{\"error\":");
            assertThat(browser.sessionCookies(put)).isEmpty();
        }

        @Test
        void acceptsAValueOfExactlyOneKibibyte() {
            assertThat(server.browser().put("/api/prefs/big", "v".repeat(1024)).statusCode()).isEqualTo(200);
        }

        @Test
        void refusesAValueThatIsNotUtf8() {
            HttpResponse<String> put = server.browser().putBytes("/api/prefs/bin", new byte[] {(byte) 0xff, (byte) 0xfe});

            assertThat(put.statusCode()).isEqualTo(400);
        }
    }

    @Nested
    class WhenThereIsNoSession {

        @Test
        void listsAnEmptyObjectWithoutStartingOne() {
            Browser browser = server.browser();
            HttpResponse<String> list = browser.get("/api/prefs");

            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).isEqualTo("{}");
            assertThat(browser.sessionCookies(list)).isEmpty();
        }
    }
}
