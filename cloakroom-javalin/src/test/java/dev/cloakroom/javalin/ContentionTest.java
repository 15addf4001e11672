package dev.cloakroom.javalin;

import dev.cloakroom.MemoryStore;
import dev.cloakroom.SessionOptions;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11's contention scenario, its outcome only: 400 simultaneous writes to one session that
 * already holds close to the default maxSessionBytes. Seven in eight add a small attribute, and
 * every one of those must be kept; the eighth would take the session over the limit, and each of
 * those must be refused with 413 and leave nothing behind, without costing the others theirs.
 * What the burst costs an unrelated route is measured by {@code cloakroom-bench/contention.sh},
 * with the server in a JVM of its own; a test cannot judge latency on a shared machine.
 */
class ContentionTest {

    private static final int WRITERS = 400;
    /** The default maxSessionBytes, written out so the test states the size it means. */
    private static final int MAX_BYTES = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everySmallWriteIsKeptAndEveryWriteOverTheLimitIsRefusedWith413() throws Exception {
        MemoryStore store = new MemoryStore();
        SessionOptions options = SessionOptions.builder().secret("contention test secret, 32+ bytes long").store(store).build();
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.registerPlugin(new CloakroomPlugin(options));
            cfg.routes.post("/fill", ctx -> {
                int bytes = Integer.parseInt(ctx.queryParam("bytes"));
                var session = Cloakroom.session(ctx);
                // 64 attributes of ballast, like a visitor's prefs, so the document has many keys to copy.
                for (int i = 0; i < 64; i++) {
                    session.set("ballast." + i, "b".repeat(bytes / 64));
                }
                ctx.result("filled");
            });
            cfg.routes.put("/w/{n}", ctx -> {
                Cloakroom.session(ctx).set("w." + ctx.pathParam("n"), ctx.body());
                ctx.result("kept");
            });
            cfg.routes.get("/dump", ctx -> ctx.result(JSON.writeValueAsString(Cloakroom.session(ctx).asMap())));
        }).start("127.0.0.1", 0);
        String base = "http://127.0.0.1:" + app.port();
        HttpClient client = HttpClient.newHttpClient();
        try {
            // Room for the 350 small attributes under the limit, and a margin far smaller than one big write.
            int ballast = MAX_BYTES - WRITERS * 40 - 8192;
            HttpResponse<String> filled = client.send(HttpRequest.newBuilder(URI.create(base + "/fill?bytes=" + ballast))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(filled.statusCode()).isEqualTo(200);
            String cookie = filled.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];

            List<CompletableFuture<HttpResponse<String>>> puts = new ArrayList<>();
            for (int n = 0; n < WRITERS; n++) {
                puts.add(client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/w/" + n)).header("Cookie", cookie)
                        .PUT(HttpRequest.BodyPublishers.ofString(value(n))).build(), HttpResponse.BodyHandlers.ofString()));
            }
            int[] statuses = new int[WRITERS];
            for (int n = 0; n < WRITERS; n++) {
                statuses[n] = puts.get(n).join().statusCode();
            }
            JsonNode stored = JSON.readTree(client.send(HttpRequest.newBuilder(URI.create(base + "/dump")).header("Cookie", cookie)
                    .build(), HttpResponse.BodyHandlers.ofString()).body());

            for (int n = 0; n < WRITERS; n++) {
                JsonNode value = stored.get("w." + n);
                if (tooBig(n)) {
                    assertThat(statuses[n]).as("write %d would go over the limit", n).isEqualTo(413);
                    assertThat(value).as("write %d was refused", n).isNull();
                } else {
                    assertThat(statuses[n]).as("write %d", n).isEqualTo(200);
                    assertThat(value).as("write %d answered 200", n).isNotNull();
                    assertThat(value.asString()).isEqualTo(value(n));
                }
            }
            assertThat(stored.get("ballast.63")).as("the ballast survived").isNotNull();
            assertThat(store.all().values().iterator().next().json().length()).isLessThanOrEqualTo(MAX_BYTES);
        } finally {
            app.stop();
        }
    }

    private static boolean tooBig(int n) {
        return n % 8 == 7;
    }

    /** A small value, or for one write in eight a quarter of the limit, which no session this full can take. */
    private static String value(int n) {
        return tooBig(n) ? "big-" + n + "-" + "x".repeat(MAX_BYTES / 4) : "value-" + n;
    }
}
