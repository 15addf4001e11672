package dev.cloakroom.javalin;

import dev.cloakroom.SessionOptions;
import dev.cloakroom.SessionStoreException;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class CustomUnavailableTest {

    @Test
    void anAppHandlerForStoreFailuresReplacesThePlugins() throws Exception {
        CountingStore store = new CountingStore();
        store.readsFail = true;
        SessionOptions options = SessionOptions.builder().secret("keyboard cat").store(store).build();
        try (TestApp app = TestApp.start(cfg -> {
            cfg.registerPlugin(new CloakroomPlugin(options));
            cfg.routes.exception(SessionStoreException.class, (e, ctx) -> ctx.status(503).result("back soon"));
            cfg.routes.get("/set", ctx -> Cloakroom.session(ctx).set("a", 1));
            cfg.routes.get("/get", ctx -> ctx.result(String.valueOf(Cloakroom.session(ctx).get("a", Integer.class))));
        })) {
            store.readsFail = false;
            String cookie = TestApp.sessionCookie(app.get("/set"));
            store.readsFail = true;

            HttpResponse<String> response = app.get("/get", "Cookie", cookie);

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).isEqualTo("back soon");
        }
    }
}
