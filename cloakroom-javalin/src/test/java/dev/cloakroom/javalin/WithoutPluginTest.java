package dev.cloakroom.javalin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WithoutPluginTest {

    @Test
    void theHelpersSayToRegisterThePlugin() throws Exception {
        try (TestApp app = TestApp.start(cfg -> cfg.routes.get("/", ctx -> {
            try {
                Cloakroom.session(ctx);
                ctx.result("no exception");
            } catch (IllegalStateException e) {
                ctx.result(e.getMessage());
            }
        }))) {
            assertThat(app.get("/").body()).contains("registerPlugin(new CloakroomPlugin(options))");
        }
    }
}
