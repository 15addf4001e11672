package dev.cloakroom.demo;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Logging in moves the visitor's session to a new id and keeps what was set before, over HTTP. */
class LoginKeepsPrefsTest extends RunningDemoTest {

    LoginKeepsPrefsTest() {
        super("--secret", "test-secret", "--user", "alice:pw");
    }

    @Test
    void keepsThePreferencesSetBeforeLogin() {
        Browser browser = server.browser();
        browser.put("/api/prefs/theme", "dark");

        browser.login("alice", "pw");

        assertThat(browser.get("/api/prefs").body()).isEqualTo("{\"theme\":\"dark\"}");
        assertThat(browser.get("/dashboard").body()).contains("Welcome alice!");
    }

    @Test
    void leavesThePreLoginCookieNamingNoSession() {
        Browser browser = server.browser();
        browser.put("/api/prefs/theme", "dark");
        String preLogin = browser.cookie();
        HttpResponse<String> login = browser.login("alice", "pw");
        assertThat(Browser.sessionId(browser.cookie())).isNotEqualTo(Browser.sessionId(preLogin));

        Browser attacker = server.browser();
        attacker.cookie(preLogin);

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(attacker.get("/api/prefs").body()).isEqualTo("{}");
        assertThat(attacker.get("/dashboard").headers().firstValue("Location")).contains("/login");
    }
}
