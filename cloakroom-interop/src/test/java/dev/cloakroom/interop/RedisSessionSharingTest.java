package dev.cloakroom.interop;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4 over connect-redis 9: the Cloakroom demo and an express-session app share one Redis,
 * one secret and one cookie name, and one browser moves between them.
 */
class RedisSessionSharingTest extends SharedSessionSuite<TestRedis> {

    RedisSessionSharingTest() {
        super(TestRedis::start, InteropStack.Settings.shared());
    }

    @AfterEach
    void nodeLoggedNoError() {
        assertThat(stack.nodeApp().errors()).as("errors in the Express app's output").isEmpty();
    }

    private boolean stored(Browser browser) {
        return store.raw().exists("sess:" + browser.sessionId()) == 1;
    }

    @Nested
    class WhenAUserLogsInOnJava {

        @Test
        void nodeSeesReqSessionUserOnTheNextRequest() {
            Browser browser = stack.browser();
            assertThat(browser.login(stack.java(), "admin", "secret").statusCode()).isEqualTo(302);

            HttpResponse<String> whoami = browser.get(stack.node(), "/node/whoami");

            assertThat(whoami.statusCode()).isEqualTo(200);
            assertThat(Wire.json(whoami.body())).isEqualTo(Wire.json("{\"username\":\"admin\",\"role\":\"admin\"}"));
        }
    }

    @Nested
    class WhenAUserLogsInOnNode {

        @Test
        void javaShowsTheDashboard() {
            Browser browser = stack.browser();
            browser.get(stack.node(), "/node/login?username=admin");

            HttpResponse<String> dashboard = browser.get(stack.java(), "/dashboard");

            assertThat(dashboard.statusCode()).isEqualTo(200);
            assertThat(dashboard.body()).contains("admin");
        }
    }

    @Nested
    class WhenNodeWrites {

        @Test
        void javaGetSessionShowsUsernameAndVisits() {
            Browser browser = stack.browser();
            browser.get(stack.node(), "/node/set-session");
            browser.get(stack.node(), "/node/set-session");

            HttpResponse<String> onJava = browser.get(stack.java(), "/get-session");

            assertThat(onJava.body()).isEqualTo("Welcome back, john! You've visited 2 times.");
        }

        @Test
        void aJavaWriteAfterwardsIsSeenByNode() {
            Browser browser = stack.browser();
            browser.get(stack.node(), "/node/set-session");
            browser.get(stack.java(), "/set-session");

            HttpResponse<String> onNode = browser.get(stack.node(), "/node/get-session");

            assertThat(Wire.json(onNode.body())).isEqualTo(Wire.json("{\"username\":\"john\",\"visits\":2}"));
            assertThat(browser.get(stack.java(), "/get-session").body()).contains("visited 2 times");
        }
    }

    @Nested
    class WhenJavaRegeneratesAtLogin {

        @Test
        void theCookieNodeIssuedBeforeIsDead() {
            Browser browser = stack.browser();
            browser.get(stack.node(), "/node/set-session");
            String before = browser.cookie();
            browser.login(stack.java(), "admin", "secret");
            assertThat(browser.cookie()).isNotEqualTo(before);

            browser.cookie(before);
            assertThat(stored(browser)).as("old id still in Redis").isFalse();
            HttpResponse<String> onNode = browser.get(stack.node(), "/node/get-session");

            assertThat(Wire.json(onNode.body())).isEqualTo(Wire.json("{\"username\":null,\"visits\":null}"));
        }
    }

    @Nested
    class WhenNodeRegenerates {

        @Test
        void theCookieJavaIssuedBeforeIsDeadAndTheNewOneWorksOnJava() {
            Browser browser = stack.browser();
            browser.login(stack.java(), "admin", "secret");
            String before = browser.cookie();
            browser.get(stack.node(), "/node/regenerate");
            String after = browser.cookie();
            assertThat(after).isNotEqualTo(before);

            assertThat(browser.get(stack.java(), "/dashboard").statusCode()).as("new cookie on Java").isEqualTo(200);
            browser.cookie(before);
            HttpResponse<String> old = browser.get(stack.java(), "/dashboard");

            assertThat(old.statusCode()).isEqualTo(302);
            assertThat(old.headers().firstValue("Location")).contains("/login");
        }
    }

    @Nested
    class WhenJavaDestroysAtLogout {

        @Test
        void nodeNoLongerSeesTheUser() {
            Browser browser = stack.browser();
            browser.login(stack.java(), "admin", "secret");
            String cookie = browser.cookie();
            browser.get(stack.java(), "/logout");

            browser.cookie(cookie);
            HttpResponse<String> whoami = browser.get(stack.node(), "/node/whoami");

            assertThat(whoami.body()).isEqualTo("null");
            assertThat(stored(browser)).isFalse();
        }
    }

    @Nested
    class WhenNodeDestroys {

        @Test
        void javaNoLongerSeesTheUser() {
            Browser browser = stack.browser();
            browser.login(stack.java(), "admin", "secret");
            String cookie = browser.cookie();
            HttpResponse<String> destroy = browser.get(stack.node(), "/node/destroy");
            assertThat(destroy.statusCode()).isEqualTo(200);

            browser.cookie(cookie);
            HttpResponse<String> dashboard = browser.get(stack.java(), "/dashboard");

            assertThat(dashboard.statusCode()).isEqualTo(302);
            assertThat(dashboard.headers().firstValue("Location")).contains("/login");
        }
    }
}
