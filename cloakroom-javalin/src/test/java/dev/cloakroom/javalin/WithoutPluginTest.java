package dev.cloakroom.javalin;

import io.javalin.http.Context;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

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

    @Test
    void everyHelperRefusesWithIllegalState() throws Exception {
        Map<String, Consumer<Context>> helpers = new LinkedHashMap<>();
        helpers.put("session", Cloakroom::session);
        helpers.put("existing", Cloakroom::existing);
        helpers.put("context", Cloakroom::context);
        helpers.put("commit", Cloakroom::commit);
        helpers.put("clearCookie", Cloakroom::clearCookie);
        try (TestApp app = TestApp.start(cfg -> cfg.routes.get("/", ctx -> {
            StringBuilder report = new StringBuilder();
            helpers.forEach((name, helper) -> {
                try {
                    helper.accept(ctx);
                    report.append(name).append("=accepted ");
                } catch (IllegalStateException e) {
                    report.append(name).append("=refused ");
                }
            });
            ctx.result(report.toString().trim());
        }))) {
            assertThat(app.get("/").body())
                    .isEqualTo("session=refused existing=refused context=refused commit=refused clearCookie=refused");
        }
    }
}
