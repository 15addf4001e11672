package dev.cloakroom.demo;

import dev.cloakroom.testkit.NoSessionIdInLogs;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(NoSessionIdInLogs.class)
class HealthTest {

    @Nested
    class WhenAsked {

        @Test
        void answersOkWithoutACookie() {
            try (DemoServer server = DemoServer.start("--secret", "test-secret")) {
                HttpResponse<String> health = server.browser().get("/health");

                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).isEqualTo("ok");
                assertThat(health.headers().allValues("Set-Cookie")).isEmpty();
            }
        }

        @Test
        void leavesALoggedInSessionAloneEvenWhenRolling() {
            try (DemoServer server = DemoServer.start("--secret", "test-secret", "--rolling", "--user", "bob:pw")) {
                Browser browser = server.browser();
                browser.login("bob", "pw");
                assertThat(browser.sessionCookies(browser.get("/dashboard"))).as("rolling re-sends on a session route").hasSize(1);

                HttpResponse<String> health = browser.get("/health");

                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.headers().allValues("Set-Cookie")).isEmpty();
            }
        }
    }
}
