package dev.cloakroom.demo;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cross-site request forgery against the demo over HTTP: every state-changing form needs its
 * session's token, and the JSON API cannot be reached cross-site without a CORS preflight, which
 * the demo refuses.
 */
class CsrfTest extends RunningDemoTest {

    private static final String EVIL = "https://evil.example";

    CsrfTest() {
        super("--secret", "csrf-secret", "--user", "alice:pw");
    }

    private Browser loggedIn() {
        Browser browser = server.browser();
        assertThat(browser.login("alice", "pw").statusCode()).as("login").isEqualTo(302);
        return browser;
    }

    private static boolean stillLoggedIn(Browser browser) {
        return browser.get("/dashboard").statusCode() == 200;
    }

    private static String prefs(Browser browser) {
        return browser.get("/api/prefs").body();
    }

    /** The forms a logged-in page offers, each with fields that would change something. */
    private static final List<String[]> FORMS = List.of(
            new String[] {"/logout", ""},
            new String[] {"/sessions/revoke-others", ""},
            new String[] {"/prefs", "name=theme&value=dark"},
            new String[] {"/prefs/remove", "name=kept"});

    /** Posts each form with {@code token} (null: none) and checks it was refused and changed nothing. */
    private void assertEveryFormRefuses(Browser victim, String token) {
        Browser other = loggedIn();
        victim.submit("/dashboard", "/prefs", "name=kept&value=yes");
        for (String[] form : FORMS) {
            String fields = form[1] + (token == null ? "" : (form[1].isEmpty() ? "" : "&") + "_csrf=" + Browser.encode(token));

            HttpResponse<String> answer = victim.postForm(form[0], fields, "Origin", EVIL);

            assertThat(answer.statusCode()).as("POST %s", form[0]).isEqualTo(403);
            assertThat(answer.body()).contains("Forbidden");
            assertThat(stillLoggedIn(victim)).as("logged in after POST %s", form[0]).isTrue();
            assertThat(prefs(victim)).isEqualTo("{\"kept\":\"yes\"}");
        }
        assertThat(stillLoggedIn(other)).as("the user's other session, after a forged revoke").isTrue();
    }

    @Nested
    class WhenAFormComesWithoutItsSessionsToken {

        @Test
        void everyFormWithNoTokenIsRefusedWith403() {
            assertEveryFormRefuses(loggedIn(), null);
        }

        @Test
        void everyFormWithAWrongTokenIsRefused() {
            assertEveryFormRefuses(loggedIn(), "A".repeat(43));
        }

        @Test
        void everyFormWithAnotherSessionsTokenIsRefused() {
            Browser attacker = loggedIn();
            String attackers = attacker.csrfToken("/dashboard");

            assertEveryFormRefuses(loggedIn(), attackers);
        }

        @Test
        void aTokenFromBeforeLoginNoLongerWorksAfterIt() {
            Browser browser = server.browser();
            String beforeLogin = browser.csrfToken("/login");
            assertThat(browser.login("alice", "pw").statusCode()).isEqualTo(302);

            assertThat(browser.csrfToken("/dashboard")).isNotEqualTo(beforeLogin);
            assertEveryFormRefuses(browser, beforeLogin);
        }

        @Test
        void aLoginWithoutATokenLogsNobodyInAndOffersTheFormAgainWithOne() {
            Browser browser = server.browser();

            HttpResponse<String> login = browser.postForm("/login", "username=alice&password=pw", "Origin", EVIL);

            assertThat(login.statusCode()).isEqualTo(403);
            assertThat(login.body()).contains("class=\"error\"", "action=\"/login\"", "name=\"_csrf\"");
            assertThat(stillLoggedIn(browser)).isFalse();
        }

        @Test
        void aLoginWithAnotherVisitorsTokenLogsNobodyIn() {
            String attackers = server.browser().csrfToken("/login");
            Browser victim = server.browser();
            victim.csrfToken("/login");

            HttpResponse<String> login = victim.postForm("/login", "username=alice&password=pw&_csrf=" + attackers);

            assertThat(login.statusCode()).isEqualTo(403);
            assertThat(stillLoggedIn(victim)).isFalse();
        }
    }

    @Nested
    class WhenAFormCarriesItsSessionsToken {

        @Test
        void eachFormWorks() {
            Browser browser = loggedIn();

            assertThat(browser.submit("/dashboard", "/prefs", "name=theme&value=dark").statusCode()).isEqualTo(303);
            assertThat(browser.submit("/dashboard", "/prefs/remove", "name=theme").statusCode()).isEqualTo(303);
            assertThat(browser.submit("/sessions", "/sessions/revoke-others", "").statusCode()).isEqualTo(302);
            assertThat(browser.submit("/dashboard", "/logout", "").headers().firstValue("Location")).contains("/login");
            assertThat(stillLoggedIn(browser)).isFalse();
        }
    }

    @Nested
    class WhenAnotherSiteTriesTheJsonApi {

        @Test
        void aPreflightForPutIsNotApproved() {
            Browser browser = loggedIn();

            HttpResponse<String> preflight = browser.send("OPTIONS", "/api/prefs/theme", "Origin", EVIL,
                    "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "content-type");

            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
            assertThat(prefs(browser)).isEqualTo("{}");
        }

        @Test
        void aPostWithAMethodOverrideHeaderDoesNotReachThePutHandler() {
            Browser browser = loggedIn();

            HttpResponse<String> answer = browser.postForm("/api/prefs/theme", "dark",
                    "Origin", EVIL, "X-HTTP-Method-Override", "PUT");

            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(prefs(browser)).isEqualTo("{}");
        }

        @Test
        void aGetWithAMethodOverrideHeaderDoesNotReachTheDeleteHandler() {
            Browser browser = loggedIn();
            browser.put("/api/prefs/theme", "dark");

            HttpResponse<String> answer = browser.send("GET", "/api/prefs/theme", "X-HTTP-Method-Override", "DELETE");

            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(prefs(browser)).isEqualTo("{\"theme\":\"dark\"}");
        }

        @Test
        void aFormPostWithAMethodFieldDoesNotReachThePutHandler() {
            Browser browser = loggedIn();

            HttpResponse<String> answer = browser.postForm("/api/prefs/theme", "_method=PUT&value=dark", "Origin", EVIL);

            assertThat(answer.statusCode()).isNotEqualTo(200).isBetween(400, 499);
            assertThat(prefs(browser)).isEqualTo("{}");
        }
    }
}
