package dev.cloakroom.demo;

import dev.cloakroom.internal.SessionIds;
import dev.cloakroom.testkit.NoSessionIdInLogs;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** "Your sessions" on the memory store, over HTTP: the list, and signing out everywhere else. */
@ExtendWith(NoSessionIdInLogs.class)
class SessionsPageTest {

    private static final Pattern ROW = Pattern.compile("<tr class=\"session\">.*?</tr>");

    private static DemoServer demo() {
        return DemoServer.start("--secret", "sessions-secret");
    }

    static void login(Browser browser) {
        HttpResponse<String> login = browser.login("admin", "secret");
        assertThat(login.statusCode()).as("login status").isEqualTo(302);
        assertThat(browser.get("/dashboard").body()).contains("Welcome admin!");
    }

    private static long rows(String body) {
        return ROW.matcher(body).results().count();
    }

    @Nested
    class WhenLoggedOut {

        @Test
        void theListSendsToTheLoginPage() {
            try (DemoServer demo = demo()) {
                HttpResponse<String> page = demo.browser().get("/sessions");
                assertThat(page.statusCode()).isEqualTo(302);
                assertThat(page.headers().firstValue("Location")).contains("/login");
            }
        }

        @Test
        void revokingSendsToTheLoginPage() {
            try (DemoServer demo = demo()) {
                HttpResponse<String> answer = demo.browser().submit("/login", "/sessions/revoke-others", "");
                assertThat(answer.statusCode()).isEqualTo(302);
                assertThat(answer.headers().firstValue("Location")).contains("/login");
            }
        }
    }

    @Nested
    class WhenTheUserIsLoggedInTwice {

        @Test
        void theListShowsBothByFingerprintWithTimesAndMarksThisOneButNeverShowsAnId() {
            try (DemoServer demo = demo()) {
                Browser laptop = demo.browser();
                Browser phone = demo.browser();
                login(laptop);
                login(phone);
                String laptopId = Browser.sessionId(laptop.cookie());
                String phoneId = Browser.sessionId(phone.cookie());

                String body = laptop.get("/sessions").body();

                assertThat(rows(body)).isEqualTo(2);
                assertThat(body).doesNotContain(laptopId).doesNotContain(phoneId);
                Matcher current = Pattern.compile("<code>([0-9a-f]{12})</code> \\(this session\\)").matcher(body);
                assertThat(current.find()).as("a row marked as this session").isTrue();
                assertThat(current.group(1)).isEqualTo(SessionIds.fingerprint(laptopId));
                assertThat(body).contains("<code>" + SessionIds.fingerprint(phoneId) + "</code></td>");
                assertThat(body).containsPattern("<td>\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ</td><td>\\d{4}-");
            }
        }

        @Test
        void signingOutEverywhereElseKillsTheOtherCookieAndKeepsThisOne() {
            try (DemoServer demo = demo()) {
                Browser laptop = demo.browser();
                Browser phone = demo.browser();
                login(laptop);
                login(phone);

                HttpResponse<String> revoke = laptop.submit("/sessions", "/sessions/revoke-others", "");

                assertThat(revoke.statusCode()).isEqualTo(302);
                assertThat(revoke.headers().firstValue("Location")).contains("/sessions");
                assertThat(phone.get("/dashboard").headers().firstValue("Location")).contains("/login");
                assertThat(laptop.get("/dashboard").body()).contains("Welcome admin!");
                assertThat(rows(laptop.get("/sessions").body())).isEqualTo(1);
            }
        }

        @Test
        void loggingOutTakesTheSessionOffTheList() {
            try (DemoServer demo = demo()) {
                Browser laptop = demo.browser();
                Browser phone = demo.browser();
                login(laptop);
                login(phone);
                phone.submit("/dashboard", "/logout", "");

                assertThat(rows(laptop.get("/sessions").body())).isEqualTo(1);
            }
        }
    }
}
