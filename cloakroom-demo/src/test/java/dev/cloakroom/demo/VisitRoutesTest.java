package dev.cloakroom.demo;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class VisitRoutesTest extends RunningDemoTest {

    VisitRoutesTest() {
        super("--secret", "test-secret");
    }

    @Nested
    class WhenTheSessionWasSet {

        @Test
        void answersSessionDataSetAndSendsACookie() {
            Browser browser = server.browser();
            HttpResponse<String> set = browser.get("/set-session");

            assertThat(set.statusCode()).isEqualTo(200);
            assertThat(set.body()).isEqualTo("Session data set");
            assertThat(browser.sessionCookies(set)).hasSize(1);
        }

        @Test
        void countsTheVisits() {
            Browser browser = server.browser();
            browser.get("/set-session");
            browser.get("/set-session");

            HttpResponse<String> get = browser.get("/get-session");

            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(get.body()).isEqualTo("Welcome back, john! You've visited 2 times.");
        }
    }

    @Nested
    class WhenThereIsNoSession {

        @Test
        void saysNoSessionDataFound() {
            Browser browser = server.browser();
            HttpResponse<String> get = browser.get("/get-session");

            assertThat(get.body()).isEqualTo("No session data found");
            assertThat(browser.sessionCookies(get)).isEmpty();
        }
    }

    @Nested
    class WhenTheCookieIsRenamed {

        @Test
        void usesTheNameFromTheCommandLine() {
            try (DemoServer renamed = DemoServer.start("--secret", "test-secret", "--name", "demo.sid")) {
                Browser browser = renamed.browser("demo.sid");
                HttpResponse<String> set = browser.get("/set-session");

                assertThat(set.headers().allValues("Set-Cookie")).singleElement()
                        .satisfies(c -> assertThat(c).startsWith("demo.sid=s%3A"));
                assertThat(browser.get("/get-session").body()).contains("visited 1 times");
            }
        }
    }
}
