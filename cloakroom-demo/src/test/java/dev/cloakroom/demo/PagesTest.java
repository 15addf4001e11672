package dev.cloakroom.demo;

import dev.cloakroom.internal.SessionIds;
import dev.cloakroom.testkit.NoSessionIdInLogs;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's pages over HTTP: the dashboard, "Your sessions", the inspector and the stylesheet. */
@ExtendWith(NoSessionIdInLogs.class)
class PagesTest {

    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String UTC_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";

    private static void login(Browser browser, String user, String password) {
        assertThat(browser.login(user, password).statusCode()).as("login").isEqualTo(302);
    }

    /** The text of the one {@code <pre class="document">} on {@code page}, with the five references undone. */
    private static String document(String page) {
        Matcher pre = Pattern.compile("<pre class=\"document\">(.*?)</pre>", Pattern.DOTALL).matcher(page);
        assertThat(pre.find()).as("a stored document on the page").isTrue();
        return pre.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    @Nested
    class TheDashboard {

        @Test
        void showsTheUserTheVisitsAndTheSessionsTimesWithoutAnAbsoluteLimit() {
            try (DemoServer demo = DemoServer.start("--secret", "pages-secret", "--user", "alice:pw")) {
                Browser browser = demo.browser();
                login(browser, "alice", "pw");

                browser.get("/dashboard");
                HttpResponse<String> page = browser.get("/dashboard");

                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
                assertThat(page.body())
                        .contains("Welcome alice! This is your dashboard.", "<dd>user</dd>",
                                "<dt>Visits to this page</dt><dd>2</dd>",
                                "<dt>Ends for good (UTC)</dt><dd>no absolute limit</dd>",
                                "<link rel=\"stylesheet\" href=\"/style.css\">")
                        .containsPattern("<dt>Session created \\(UTC\\)</dt><dd>" + UTC_TIME + "</dd>")
                        .containsPattern("<dt>Ends if unused until \\(UTC\\)</dt><dd>" + UTC_TIME + "</dd>")
                        .doesNotContain(Browser.sessionId(browser.cookie()));
            }
        }

        @Test
        void showsTheAbsoluteDeadlineWhenThereIsOne() {
            try (DemoServer demo = DemoServer.start("--secret", "pages-secret", "--user", "alice:pw",
                    "--absolute-timeout", "3600000")) {
                Browser browser = demo.browser();
                login(browser, "alice", "pw");

                assertThat(browser.get("/dashboard").body())
                        .containsPattern("<dt>Ends for good \\(UTC\\)</dt><dd>" + UTC_TIME + "</dd>");
            }
        }

        @Test
        void setsAndRemovesAPreferenceThroughItsFormsEscapingWhatWasTyped() {
            try (DemoServer demo = DemoServer.start("--secret", "pages-secret", "--user", "alice:pw")) {
                Browser browser = demo.browser();
                login(browser, "alice", "pw");

                HttpResponse<String> set = browser.submit("/dashboard", "/prefs",
                        "name=theme&value=" + Browser.encode(SCRIPT));
                assertThat(set.statusCode()).isEqualTo(303);
                assertThat(set.headers().firstValue("Location")).contains("/dashboard");
                assertThat(browser.get("/api/prefs").body()).isEqualTo("{\"theme\":\"<script>alert(1)</script>\"}");
                assertThat(browser.get("/dashboard").body())
                        .contains("<td>theme</td><td>&lt;script&gt;alert(1)&lt;/script&gt;</td>")
                        .doesNotContain(SCRIPT);

                HttpResponse<String> removed = browser.submit("/dashboard", "/prefs/remove", "name=theme");
                assertThat(removed.statusCode()).isEqualTo(303);
                assertThat(browser.get("/api/prefs").body()).isEqualTo("{}");
            }
        }

        @Test
        void showsARefusedPreferenceInlineAndEscaped() {
            try (DemoServer demo = DemoServer.start("--secret", "pages-secret", "--user", "alice:pw")) {
                Browser browser = demo.browser();
                login(browser, "alice", "pw");

                HttpResponse<String> refused = browser.submit("/dashboard", "/prefs", "name=" + Browser.encode("<b>") + "&value=x");

                assertThat(refused.statusCode()).isEqualTo(400);
                assertThat(refused.body()).contains("<p class=\"error\" role=\"alert\">" + Html.escape(PrefsApi.BAD_NAME) + "</p>",
                        "Welcome alice!");
                assertThat(browser.get("/api/prefs").body()).isEqualTo("{}");
            }
        }

        @Test
        void sendsALoggedOutVisitorToTheLoginPage() {
            try (DemoServer demo = DemoServer.start("--secret", "pages-secret")) {
                HttpResponse<String> page = demo.browser().get("/dashboard");

                assertThat(page.statusCode()).isEqualTo(302);
                assertThat(page.headers().firstValue("Location")).contains("/login");
            }
        }
    }

    @Nested
    class YourSessions {

        @Test
        void namesEachBrowserAndAddressAsRecordedAtLoginEscapedAndNeverAnId() {
            try (DemoServer demo = DemoServer.start("--secret", "pages-secret")) {
                Browser laptop = demo.browser().userAgent(FIREFOX);
                Browser odd = demo.browser().userAgent("<img/src=x/onerror=alert(1)> rest");
                login(laptop, "admin", "secret");
                login(odd, "admin", "secret");

                HttpResponse<String> page = laptop.get("/sessions");

                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body())
                        .contains("<code>" + SessionIds.fingerprint(Browser.sessionId(laptop.cookie())) + "</code> (this session)")
                        .contains("<td class=\"device\">Firefox on Linux</td><td class=\"address\">127.0.0.1</td>")
                        .contains("<td class=\"device\">&lt;img/src=x/onerror=alert(1)&gt;</td>")
                        .doesNotContain("<img")
                        .doesNotContain(Browser.sessionId(laptop.cookie()))
                        .doesNotContain(Browser.sessionId(odd.cookie()))
                        .contains("action=\"/sessions/revoke-others\"", "name=\"_csrf\"");
            }
        }
    }

    @Nested
    class TheInspector {

        @TempDir
        Path dir;

        private String storedText(String db, String id) throws SQLException {
            try (Connection c = DriverManager.getConnection(db);
                 PreparedStatement select = c.prepareStatement("SELECT sess FROM session WHERE sid = ?")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    assertThat(row.next()).as("the session's row").isTrue();
                    return row.getString(1);
                }
            }
        }

        @Test
        void showsTheStoredDocumentCharacterForCharacterEscapedAndWithoutTheId() throws SQLException {
            String db = "jdbc:sqlite:" + dir.resolve("sessions.db");
            try (DemoServer demo = DemoServer.start("--secret", "pages-secret", "--store", db)) {
                Browser browser = demo.browser();
                browser.put("/api/prefs/motto", SCRIPT);
                login(browser, "admin", "secret");
                String id = Browser.sessionId(browser.cookie());

                HttpResponse<String> page = browser.get("/inspect");

                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(document(page.body())).isEqualTo(storedText(db, id));
                assertThat(page.body())
                        .contains("&quot;pref.motto&quot;:&quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;",
                                "&quot;username&quot;:&quot;admin&quot;")
                        .doesNotContain(SCRIPT)
                        .doesNotContain(id);
                assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
            }
        }

        @Test
        void saysSoWhenTheBrowserHasNoSessionAndStartsNone() {
            try (DemoServer demo = DemoServer.start("--secret", "pages-secret")) {
                Browser browser = demo.browser();

                HttpResponse<String> page = browser.get("/inspect");

                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("This browser has no session in the store.").doesNotContain("<pre");
                assertThat(browser.sessionCookies(page)).isEmpty();
            }
        }
    }

    @Test
    void theStylesheetIsServedAsCss() {
        try (DemoServer demo = DemoServer.start("--secret", "pages-secret")) {
            HttpResponse<String> css = demo.browser().get("/style.css");

            assertThat(css.statusCode()).isEqualTo(200);
            assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
            assertThat(css.body()).contains("pre.document");
        }
    }

    @Test
    void theLoginPageCarriesATokenAndEveryPageLinksTheStylesheet() {
        try (DemoServer demo = DemoServer.start("--secret", "pages-secret")) {
            Browser browser = demo.browser();

            assertThat(browser.csrfToken("/login")).matches("[A-Za-z0-9_-]{43}");
            assertThat(browser.get("/").body()).contains("href=\"/style.css\"", "href=\"/inspect\"", "href=\"/sessions\"");
        }
    }
}
