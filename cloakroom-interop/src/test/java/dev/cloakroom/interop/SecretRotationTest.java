package dev.cloakroom.interop;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotating the secret while moving to Java: Node still signs with the old secret, Java is configured
 * with {@code [new, old]}. Java accepts Node's cookies and signs the cookies it sends with the new one.
 */
class SecretRotationTest extends SharedSessionSuite<TestRedis> {

    private static final String OLD = "the secret Node has always used";
    private static final String NEW = "the secret Java signs with from now on";

    SecretRotationTest() {
        super(TestRedis::start, new InteropStack.Settings(List.of(NEW, OLD), List.of(OLD), false));
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
                    "--store", store.javaUrl())) {

                HttpResponse<String> onJava = browser.get(newOnly.baseUrl(), "/get-session");

                assertThat(onJava.body()).isEqualTo("No session data found");
            }
        }
    }
}
