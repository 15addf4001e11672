package dev.cloakroom.interop;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotating the secret while moving to Java: Node still signs with the old secret, Java is configured
 * with {@code [new, old]}. Java accepts Node's cookies and signs the cookies it sends with the new one.
 */
@ExtendWith(InteropSwitch.class)
class SecretRotationTest {

    private static final String OLD = "the secret Node has always used";
    private static final String NEW = "the secret Java signs with from now on";

    private static TestRedis redis;
    private static InteropStack stack;

    @BeforeAll
    static void start() {
        if (NodeEnvironment.skipRequested()) {
            return;
        }
        NodeEnvironment node = NodeEnvironment.require();
        redis = TestRedis.start();
        stack = InteropStack.start(node, redis.url(), redis.url(),
                new InteropStack.Settings(List.of(NEW, OLD), List.of(OLD), false));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Nested
    class WhenNodeSignedTheCookieWithTheOldSecret {

        @Test
        void javaAcceptsIt() {
            Browser browser = stack.browser();
            browser.get(stack.node(), "/node/set-session");
            assertThat(Browser.unsigned(browser.cookie())).isEqualTo(browser.sessionId() + "." + Wire.signature(browser.sessionId(), OLD));

            HttpResponse<String> onJava = browser.get(stack.java(), "/get-session");

            assertThat(onJava.body()).isEqualTo("Welcome back, john! You've visited 1 times.");
        }

        @Test
        void javaResignsTheSameIdWithTheNewSecretWhenItSendsTheCookie() {
            Browser browser = stack.browser();
            browser.get(stack.node(), "/node/set-session");
            String id = browser.sessionId();

            HttpResponse<String> write = browser.get(stack.java(), "/set-session");

            String sent = Browser.unsigned(Wire.nameValue(browser.sessionSetCookie(write).orElseThrow()));
            assertThat(sent).isEqualTo(id + "." + Wire.signature(id, NEW));
            assertThat(browser.get(stack.java(), "/get-session").body()).contains("visited 2 times");
        }

        @Test
        void aJavaAppWithoutTheOldSecretIgnoresIt() {
            Browser browser = stack.browser();
            browser.get(stack.node(), "/node/set-session");
            try (JavaDemo newOnly = JavaDemo.start("--name", InteropStack.COOKIE, "--secret", NEW,
                    "--store", redis.url())) {

                HttpResponse<String> onJava = browser.get(newOnly.baseUrl(), "/get-session");

                assertThat(onJava.body()).isEqualTo("No session data found");
            }
        }
    }
}
