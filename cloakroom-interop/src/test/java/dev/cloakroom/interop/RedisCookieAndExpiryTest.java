package dev.cloakroom.interop;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cookie and the expiry both apps agree on, over connect-redis 9. A store-level expiry (the key's
 * TTL) is what one side's touch or rolling response moves for the other: express-session recomputes
 * {@code cookie.expires} from {@code maxAge} on every request, so the TTL decides whether the other
 * side still finds the session. Tests shorten a TTL by hand instead of waiting for time to pass.
 */
class RedisCookieAndExpiryTest extends SharedSessionSuite<TestRedis> {

    /** Well below {@link InteropStack#MAX_AGE_MS} (600 s), so a reset is unmistakable. */
    private static final long AGED_TTL_SECONDS = 100;

    RedisCookieAndExpiryTest() {
        super(TestRedis::start, InteropStack.Settings.shared());
    }

    private static String key(Browser browser) {
        return "sess:" + browser.sessionId();
    }

    /** The stored document's cookie.expires. */
    private Instant storedExpires(Browser browser) {
        return Instant.parse(Wire.json(store.raw().get(key(browser))).path("cookie").path("expires").asText());
    }

    @Nested
    class WhenBothSidesSendTheCookieForOneSession {

        @Test
        void nameValueAndAttributesAreTheSame() {
            Browser browser = stack.browser();
            String fromNode = browser.sessionSetCookie(browser.get(stack.node(), "/node/set-session")).orElseThrow();
            String fromJava = browser.sessionSetCookie(browser.get(stack.java(), "/set-session")).orElseThrow();

            assertThat(Wire.nameValue(fromJava)).isEqualTo(Wire.nameValue(fromNode));
            assertThat(Wire.attributes(fromJava).keySet()).containsExactlyElementsOf(Wire.attributes(fromNode).keySet());
            assertThat(Wire.attributes(fromJava)).containsEntry("path", "/").containsEntry("httponly", "")
                    .containsEntry("samesite", "Lax").doesNotContainKey("secure").doesNotContainKey("max-age");
            assertThat(Wire.attributes(fromNode)).containsEntry("path", "/").containsEntry("httponly", "")
                    .containsEntry("samesite", "Lax");
        }

        @Test
        void eachExpiresIsTheStoredExpiryOfItsOwnWrite() {
            Browser browser = stack.browser();
            String fromNode = browser.sessionSetCookie(browser.get(stack.node(), "/node/set-session")).orElseThrow();
            Instant afterNode = storedExpires(browser);
            String fromJava = browser.sessionSetCookie(browser.get(stack.java(), "/set-session")).orElseThrow();
            Instant afterJava = storedExpires(browser);

            // Set-Cookie dates have whole seconds; the stored ISO date has milliseconds.
            assertThat(Wire.expires(fromNode)).isEqualTo(afterNode.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            assertThat(Wire.expires(fromJava)).isEqualTo(afterJava.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            assertThat(afterJava).isAfterOrEqualTo(afterNode);
        }

        @Test
        void bothSetTheTtlConnectRedisComputesFromTheStoredExpiry() {
            Browser browser = stack.browser();
            browser.get(stack.node(), "/node/set-session");
            long nodeTtl = store.raw().ttl(key(browser));
            browser.get(stack.java(), "/set-session");
            long javaTtl = store.raw().ttl(key(browser));

            // ceil((expires - now) / 1000) with maxAge 600 s, give or take the time a request takes.
            assertThat(nodeTtl).isBetween(590L, 600L);
            assertThat(javaTtl).isBetween(590L, 600L);
            long untilExpiry = storedExpires(browser).getEpochSecond() - Instant.now().getEpochSecond();
            assertThat(javaTtl).isBetween(untilExpiry - 2, untilExpiry + 2);
        }
    }

    @Nested
    class WhenOneSideTouchesAnUnchangedSession {

        @Test
        void aJavaRequestMovesTheExpiryNodeDependsOn() {
            Browser browser = stack.browser();
            browser.get(stack.node(), "/node/set-session");
            String document = store.raw().get(key(browser));
            store.raw().expire(key(browser), AGED_TTL_SECONDS);

            HttpResponse<String> read = browser.get(stack.java(), "/get-session");

            assertThat(read.body()).contains("visited 1 times");
            assertThat(store.raw().ttl(key(browser))).isGreaterThan(AGED_TTL_SECONDS + 400);
            assertThat(store.raw().get(key(browser))).as("a touch leaves the document alone").isEqualTo(document);
            assertThat(browser.get(stack.node(), "/node/get-session").body()).contains("\"visits\":1");
        }

        @Test
        void aNodeRequestMovesTheExpiryJavaDependsOn() {
            Browser browser = stack.browser();
            browser.login(stack.java(), "admin", "secret");
            store.raw().expire(key(browser), AGED_TTL_SECONDS);

            HttpResponse<String> touch = browser.get(stack.node(), "/node/touch");

            assertThat(touch.statusCode()).isEqualTo(200);
            assertThat(store.raw().ttl(key(browser))).isGreaterThan(AGED_TTL_SECONDS + 400);
            assertThat(browser.get(stack.java(), "/dashboard").statusCode()).isEqualTo(200);
        }
    }

    /** Both apps with {@code rolling}: every response that used the session re-sends the cookie. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WhenBothSidesRoll {

        private InteropStack rolling;

        @BeforeAll
        void start() {
            if (NodeEnvironment.skipRequested()) {
                return;
            }
            rolling = startStack(InteropStack.Settings.shared().rolling(true));
        }

        @AfterAll
        void stop() {
            if (rolling != null) {
                rolling.close();
            }
        }

        /** The response re-sent the cookie with a full max-age, and the key's TTL now matches that expiry. */
        private void assertSentAFreshExpiryAndMovedTheTtlToIt(Browser browser, HttpResponse<String> read) {
            String cookie = browser.sessionSetCookie(read).orElseThrow();
            long cookieSeconds = Wire.expires(cookie).getEpochSecond() - Instant.now().getEpochSecond();
            assertThat(cookieSeconds).isBetween(590L, 600L);
            assertThat(store.raw().ttl(key(browser))).isBetween(cookieSeconds - 2, cookieSeconds + 2);
        }

        @Test
        void aJavaReadOfANodeSessionSendsAFreshExpiryAndMovesTheTtl() {
            Browser browser = rolling.browser();
            browser.get(rolling.node(), "/node/set-session");
            store.raw().expire(key(browser), AGED_TTL_SECONDS);

            HttpResponse<String> read = browser.get(rolling.java(), "/get-session");

            assertSentAFreshExpiryAndMovedTheTtlToIt(browser, read);
        }

        @Test
        void aNodeReadOfAJavaSessionSendsAFreshExpiryAndMovesTheTtl() {
            Browser browser = rolling.browser();
            browser.login(rolling.java(), "admin", "secret");
            store.raw().expire(key(browser), AGED_TTL_SECONDS);

            HttpResponse<String> read = browser.get(rolling.node(), "/node/whoami");

            assertSentAFreshExpiryAndMovedTheTtlToIt(browser, read);
            assertThat(browser.get(rolling.java(), "/dashboard").statusCode()).isEqualTo(200);
        }
    }
}
