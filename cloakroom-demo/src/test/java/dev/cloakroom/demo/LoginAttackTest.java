package dev.cloakroom.demo;

import dev.cloakroom.testkit.http.SetCookie;
import dev.cloakroom.testkit.http.SignedCookies;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session fixation and logout replay against the demo's real login: the attacker's browser and
 * the victim's are separate {@link Browser}s, and the attacker plants a cookie in the victim's.
 */
class LoginAttackTest extends RunningDemoTest {

    private static final String SECRET = "attack-test-secret";
    private static final String PLANTED = "PlantedByTheAttacker0123456789ab";

    LoginAttackTest() {
        super("--secret", SECRET, "--user", "victim:correct horse");
    }

    private static String planted(String id) {
        return "connect.sid=" + SignedCookies.sign(id, SECRET);
    }

    /** What a browser holding {@code cookie} sees of its session: the visit counter page. */
    private String visitsSeenWith(String cookie) {
        Browser browser = server.browser();
        browser.cookie(cookie);
        return browser.get("/get-session").body();
    }

    /** Where the dashboard sends a browser holding {@code cookie}: 200 when logged in, else a redirect. */
    private int dashboardStatusWith(String cookie) {
        Browser browser = server.browser();
        browser.cookie(cookie);
        return browser.get("/dashboard").statusCode();
    }

    @Nested
    class WhenAnAttackerPlantsAnIdBeforeLogin {

        @Test
        void anUnknownSignedIdIsNotTheIdAfterLoginAndLogsNobodyIn() {
            Browser victim = server.browser();
            victim.cookie(planted(PLANTED));

            HttpResponse<String> login = victim.login("victim", "correct horse");

            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(Browser.sessionId(victim.cookie())).isNotEqualTo(PLANTED);
            assertThat(dashboardStatusWith(victim.cookie())).isEqualTo(200);
            assertThat(dashboardStatusWith(planted(PLANTED))).isEqualTo(302);
        }

        @Test
        void theAttackersOwnSessionIsNotTheIdAfterLoginAndIsDeadAfterwards() {
            Browser attacker = server.browser();
            attacker.get("/set-session");
            String attackers = attacker.cookie();
            assertThat(visitsSeenWith(attackers)).startsWith("Welcome back, john!");
            Browser victim = server.browser();
            victim.cookie(attackers);

            victim.login("victim", "correct horse");

            assertThat(Browser.sessionId(victim.cookie())).isNotEqualTo(Browser.sessionId(attackers));
            assertThat(attacker.get("/dashboard").statusCode()).isEqualTo(302);
            assertThat(attacker.get("/get-session").body())
                    .as("the attacker's session, whose data the login threw away with its id")
                    .isEqualTo("No session data found");
            assertThat(victim.get("/dashboard").body()).contains("Welcome victim!");
        }

        @Test
        void theAttackerReplayingTheirCookieAfterTheLoginGetsANewIdNotTheVictims() {
            Browser attacker = server.browser();
            attacker.get("/set-session");
            String attackers = attacker.cookie();
            Browser victim = server.browser();
            victim.cookie(attackers);
            victim.login("victim", "correct horse");

            attacker.get("/set-session");

            assertThat(Browser.sessionId(attacker.cookie()))
                    .isNotEqualTo(Browser.sessionId(attackers))
                    .isNotEqualTo(Browser.sessionId(victim.cookie()));
            assertThat(attacker.get("/dashboard").statusCode()).isEqualTo(302);
        }
    }

    @Nested
    class WhenACookieIsReplayedAfterLogout {

        @Test
        void itIsNoSession() {
            Browser browser = server.browser();
            browser.login("victim", "correct horse");
            String loggedIn = browser.cookie();
            browser.get("/logout");

            assertThat(dashboardStatusWith(loggedIn)).isEqualTo(302);
            assertThat(visitsSeenWith(loggedIn)).isEqualTo("No session data found");
        }

        @Test
        void theLogoutClearsTheCookieWithAPastExpiryOnTheSamePath() {
            Browser browser = server.browser();
            HttpResponse<String> login = browser.login("victim", "correct horse");
            String setAtLogin = browser.sessionCookies(login).get(0);

            HttpResponse<String> logout = browser.get("/logout");

            assertThat(browser.sessionCookies(logout)).singleElement().satisfies(clearing -> {
                assertThat(expiresOf(clearing)).isBefore(Instant.now());
                assertThat(attribute(clearing, "Path")).isEqualTo(attribute(setAtLogin, "Path")).isEqualTo("/");
                assertThat(attribute(clearing, "Domain")).isEqualTo(attribute(setAtLogin, "Domain"));
            });
        }

        @Test
        void aWriteWithTheOldCookieGetsANewId() {
            Browser browser = server.browser();
            browser.login("victim", "correct horse");
            String loggedIn = browser.cookie();
            browser.get("/logout");
            browser.cookie(loggedIn);

            browser.get("/set-session");

            assertThat(Browser.sessionId(browser.cookie())).isNotEqualTo(Browser.sessionId(loggedIn));
            assertThat(dashboardStatusWith(browser.cookie())).isEqualTo(302);
        }
    }

    private static Instant expiresOf(String setCookie) {
        return SetCookie.parse(setCookie).expires().orElseThrow();
    }

    private static String attribute(String setCookie, String name) {
        return SetCookie.parse(setCookie).attribute(name).orElse(null);
    }
}
