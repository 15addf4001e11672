package dev.cloakroom.javalin;

import dev.cloakroom.SessionOptions;
import dev.cloakroom.testkit.RunningServer;
import dev.cloakroom.testkit.TestRoutes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The harness the lifecycle suite drives must reach every path and method, or suite failures would mislead. */
class JavalinHarnessTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @ParameterizedTest
    @CsvSource({"GET,/", "GET,/a", "POST,/a/b/c", "PUT,/x", "DELETE,/deep/er/path", "PATCH,/p", "GET,/with%20space"})
    void everyMethodAndPathReachesTheRoutes(String method, String path) throws Exception {
        TestRoutes routes = TestRoutes.create().otherwise(call -> call.body(call.path()));
        try (RunningServer server = new JavalinHarness().start(SessionOptions.builder().secret("s").build(), routes)) {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(server.baseUri().resolve(path))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(path);
        }
    }

    @Test
    void statusAndHeadersReachTheClient() throws Exception {
        TestRoutes routes = TestRoutes.create().on("/h", call -> {
            call.status(201);
            call.addHeader("Set-Cookie", "a=1");
            call.addHeader("Set-Cookie", "b=2");
            call.body(call.query("q") + " " + call.header("X-Test"));
        });
        try (RunningServer server = new JavalinHarness().start(SessionOptions.builder().secret("s").build(), routes)) {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(server.baseUri().resolve("/h?q=1"))
                    .header("X-Test", "yes").build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.headers().allValues("Set-Cookie")).containsExactly("a=1", "b=2");
            assertThat(response.body()).isEqualTo("1 yes");
        }
    }
}
