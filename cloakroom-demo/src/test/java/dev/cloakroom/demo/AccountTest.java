package dev.cloakroom.demo;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class AccountTest extends RunningDemoTest {

    private static final String TAGGED = "<b>x</b>";

    AccountTest() {
        super("--secret", "test-secret", "--user", "alice:wonder:land", "--user", TAGGED + ":tagpw");
    }

    @Nested
    class WhenTheCredentialsAreValid {

        @Test
        void redirectsToTheDashboardUnderANewSessionId() {
            Browser browser = server.browser();
            browser.get("/set-session");
            String preLogin = browser.cookie();
            assertThat(preLogin).isNotNull();

            HttpResponse<String> login = browser.login("alice", "wonder:land");

            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(login.headers().firstValue("Location")).contains("/dashboard");
            assertThat(browser.sessionCookies(login)).hasSize(1);
            assertThat(Browser.sessionId(browser.cookie())).isNotEqualTo(Browser.sessionId(preLogin));
        }

        @Test
        void leavesThePreLoginCookieLoggedOut() {
            Browser browser = server.browser();
            browser.get("/set-session");
            String preLogin = browser.cookie();
            browser.login("alice", "wonder:land");

            browser.cookie(preLogin);
            HttpResponse<String> dashboard = browser.get("/dashboard");

            assertThat(dashboard.statusCode()).isEqualTo(302);
            assertThat(dashboard.headers().firstValue("Location")).contains("/login");
        }

        @Test
        void showsTheDashboardWithTheUserName() {
            Browser browser = server.browser();
            browser.login("alice", "wonder:land");

            HttpResponse<String> dashboard = browser.get("/dashboard");

            assertThat(dashboard.statusCode()).isEqualTo(200);
            assertThat(dashboard.body()).contains("Welcome alice! This is your dashboard.");
        }

        @Test
        void escapesTheUserNameOnTheDashboard() {
            Browser browser = server.browser();
            assertThat(browser.login(TAGGED, "tagpw").statusCode()).isEqualTo(302);

            HttpResponse<String> dashboard = browser.get("/dashboard");

            assertThat(dashboard.body())
                    .contains("Welcome &lt;b&gt;x&lt;/b&gt;! This is your dashboard.")
                    .doesNotContain(TAGGED);
        }
    }

    @Nested
    class WhenTheCredentialsAreWrong {

        @Test
        void answers401WithInvalidCredentialsForABadPassword() {
            HttpResponse<String> login = server.browser().login("alice", "wrong");

            assertThat(login.statusCode()).isEqualTo(401);
            assertThat(login.body()).contains("<p class=\"error\" role=\"alert\">Invalid credentials</p>",
                    "method=\"post\" action=\"/login\"", "name=\"_csrf\"");
        }

        @Test
        void answersTheSameForAnUnknownUser() {
            HttpResponse<String> login = server.browser().login("mallory", "wonder:land");

            assertThat(login.statusCode()).isEqualTo(401);
            assertThat(login.body()).contains("Invalid credentials");
        }

        @Test
        void answers401WhenTheFieldsAreMissing() {
            HttpResponse<String> login = server.browser().submit("/login", "/login", "");

            assertThat(login.statusCode()).isEqualTo(401);
        }

        @Test
        void logsNobodyInAndSetsNoCookie() {
            Browser browser = server.browser();
            HttpResponse<String> login = browser.login("alice", "wrong");

            assertThat(browser.sessionCookies(login)).isEmpty();
            assertThat(browser.get("/dashboard").statusCode()).isEqualTo(302);
        }
    }

    @Nested
    class WhenNotLoggedIn {

        @Test
        void redirectsTheDashboardToTheLoginPage() {
            HttpResponse<String> dashboard = server.browser().get("/dashboard");

            assertThat(dashboard.statusCode()).isEqualTo(302);
            assertThat(dashboard.headers().firstValue("Location")).contains("/login");
        }

        @Test
        void servesALoginFormPostingUsernameAndPassword() {
            HttpResponse<String> form = server.browser().get("/login");

            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(form.body()).contains("method=\"post\" action=\"/login\"", "name=\"username\"", "name=\"password\"");
        }

        @Test
        void servesAHomePageLinkingToTheOtherPages() {
            HttpResponse<String> home = server.browser().get("/");

            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("href=\"/login\"", "href=\"/dashboard\"", "href=\"/set-session\"",
                    "href=\"/get-session\"", "href=\"/api/prefs\"", "href=\"/health\"");
        }
    }

    @Nested
    class WhenLoggingOut {

        @Test
        void getRedirectsToLoginClearsTheCookieAndEndsTheSession() {
            assertLogoutWorks(Browser::get);
        }

        @Test
        void postDoesTheSame() {
            assertLogoutWorks((browser, path) -> browser.submit("/dashboard", path, ""));
        }

        private void assertLogoutWorks(java.util.function.BiFunction<Browser, String, HttpResponse<String>> logout) {
            Browser browser = server.browser();
            browser.login("alice", "wonder:land");
            String loggedIn = browser.cookie();

            HttpResponse<String> response = logout.apply(browser, "/logout");

            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).contains("/login");
            assertThat(browser.sessionCookies(response)).singleElement()
                    .satisfies(c -> assertThat(c).startsWith("connect.sid=;").contains("Expires=Thu, 01 Jan 1970 00:00:00 GMT"));

            browser.cookie(loggedIn);
            assertThat(browser.get("/dashboard").statusCode()).isEqualTo(302);
        }
    }
}
