package dev.cloakroom.demo;

import dev.cloakroom.testkit.NoSessionIdInLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo as a person uses it, in a real browser (headless Chromium, {@code -Pbrowser}): a failed
 * and a good login, a preference, a second browser signed in as the same user and signed out from
 * the first, and logging out. Each page it reaches is saved under {@code target/screenshots/}.
 */
@ExtendWith(NoSessionIdInLogs.class)
class BrowserTest {

    @Test
    void aUserLogsInSetsAPreferenceSignsTheirOtherBrowserOutAndLogsOut(@TempDir Path profiles) {
        try (DemoServer demo = DemoServer.start("--secret", "a-browser-test-secret-of-32-bytes-or-more");
             Chromium laptop = Chromium.open(base(demo), profiles.resolve("laptop"))) {
            laptop.get("/login");
            laptop.logIn("admin", "not-the-password");
            assertThat(laptop.path()).isEqualTo("/login");
            assertThat(laptop.find("p.error").getText()).isEqualTo("Invalid credentials");
            assertThat(laptop.count("input[name=password]")).as("the form is shown again").isEqualTo(1);
            laptop.screenshot("01-login-wrong-password");

            laptop.logIn("admin", "secret");
            assertThat(laptop.path()).isEqualTo("/dashboard");
            assertThat(laptop.text()).contains("Welcome admin! This is your dashboard.", "None yet.");
            laptop.screenshot("02-dashboard");

            laptop.type("form[action='/prefs'] input[name=name]", "theme");
            laptop.type("form[action='/prefs'] input[name=value]", "dark");
            laptop.submitBy("form[action='/prefs'] button[type=submit]");
            assertThat(laptop.path()).isEqualTo("/dashboard");
            assertThat(laptop.find("tr.pref").getText()).startsWith("theme dark");
            laptop.screenshot("03-dashboard-with-pref");

            try (Chromium phone = Chromium.open(base(demo), profiles.resolve("phone"))) {
                phone.get("/dashboard");
                assertThat(phone.path()).as("a new browser context shares no cookie").isEqualTo("/login");
                phone.logIn("admin", "secret");
                assertThat(phone.text()).contains("Welcome admin! This is your dashboard.", "None yet.");
                phone.screenshot("04-second-browser-dashboard");

                laptop.get("/sessions");
                assertThat(laptop.count("tr.session")).isEqualTo(2);
                assertThat(laptop.text()).contains("(this session)", "Chrome on Linux");
                laptop.screenshot("05-your-sessions");
                laptop.submitBy("form[action='/sessions/revoke-others'] button");
                assertThat(laptop.path()).isEqualTo("/sessions");
                assertThat(laptop.count("tr.session")).isEqualTo(1);
                assertThat(laptop.find("tr.session").getText()).contains("(this session)");
                laptop.screenshot("06-others-signed-out");

                phone.get("/dashboard");
                assertThat(phone.path()).as("the signed-out browser's next page").isEqualTo("/login");
                assertThat(phone.find("h1").getText()).isEqualTo("Log in");
                phone.screenshot("07-second-browser-sent-to-login");
            }

            laptop.get("/inspect");
            assertThat(laptop.find("pre.document").getText()).contains("\"cookie\"", "\"pref.theme\":\"dark\"");
            laptop.screenshot("08-inspector");

            laptop.get("/dashboard");
            laptop.submitBy("nav form[action='/logout'] button");
            assertThat(laptop.path()).isEqualTo("/login");
            laptop.screenshot("09-logged-out");
            laptop.get("/dashboard");
            assertThat(laptop.path()).as("logged out for good").isEqualTo("/login");
        }
    }

    private static String base(DemoServer demo) {
        return "http://127.0.0.1:" + demo.port();
    }
}
