package dev.cloakroom.javalin;

import dev.cloakroom.SessionOptions;
import io.javalin.Javalin;
import io.javalin.plugin.PluginAlreadyRegisteredException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * express-session leaves a request alone when an earlier middleware already gave it a session.
 * Javalin goes further for Cloakroom: the plugin is not repeatable, so a second registration
 * fails at startup and no request can ever meet two session layers. That is why
 * {@link JavalinHarness} cannot run the lifecycle suite's registered-twice tests.
 */
class PluginRegistrationTest {

    @Test
    void aSecondPluginIsRefusedAtStartup() {
        SessionOptions options = SessionOptions.builder().secret("keyboard cat").build();

        assertThatThrownBy(() -> Javalin.create(cfg -> {
            cfg.registerPlugin(new CloakroomPlugin(options));
            cfg.registerPlugin(new CloakroomPlugin(SessionOptions.builder().secret("keyboard cat").name("second.sid").build()));
        })).isInstanceOf(PluginAlreadyRegisteredException.class);
    }
}
