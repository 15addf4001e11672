package dev.cloakroom.servlet;

import dev.cloakroom.MemoryStore;
import dev.cloakroom.Session;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.UserSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code CloakroomFilter.users(request)} in servlet code: a "your devices" page and "sign out
 * everywhere else" after a password change, each device a browser of its own; and what
 * {@code HttpSession.getMaxInactiveInterval()} reports with an idle timeout.
 */
class SignOutEverywhereTest {

    private static final MemoryStore STORE = MemoryStore.builder().build();
    private static JettyApp app;

    @BeforeAll
    static void start() throws Exception {
        SessionOptions options = SessionOptions.builder().secret("keyboard cat").store(STORE)
                .cookie(c -> c.maxAge(Duration.ofHours(2)))
                .idleTimeout(Duration.ofMinutes(20))
                .build();
        app = JettyApp.start(options, Map.of(
                "/login", (req, res) -> {
                    Session s = CloakroomFilter.session(req);
                    s.regenerate();
                    s.set("user", req.getParameter("name"));
                    s.bindUser(req.getParameter("name"));
                    res.getWriter().print("logged in");
                },
                "/whoami", (req, res) -> {
                    var s = req.getSession(false);
                    res.getWriter().print(s == null ? "nobody" : s.getAttribute("user"));
                },
                "/devices", (req, res) -> {
                    List<UserSession> devices = CloakroomFilter.users(req).list(CloakroomFilter.session(req));
                    res.getWriter().print(devices.stream().map(d -> d.current() ? "this" : "other")
                            .collect(Collectors.joining(",")));
                },
                "/password-changed", (req, res) ->
                        res.getWriter().print("revoked " + CloakroomFilter.users(req).revokeOthers(CloakroomFilter.session(req))),
                "/interval", (req, res) -> res.getWriter().print(req.getSession().getMaxInactiveInterval()),
                "/short", (req, res) -> {
                    req.getSession().setMaxInactiveInterval(60);
                    req.getSession().setAttribute("short", true);
                    res.getWriter().print(req.getSession().getMaxInactiveInterval());
                }));
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        STORE.close();
    }

    private static Browser loggedIn(String name) {
        Browser browser = new Browser(app.base());
        browser.get("/login?name=" + name);
        assertThat(browser.get("/whoami").body()).isEqualTo(name);
        return browser;
    }

    @Nested
    class WhenAUserIsLoggedInOnTwoDevices {

        @Test
        void eachDeviceListsBothAndMarksItself() {
            Browser laptop = loggedIn("ann-list");
            loggedIn("ann-list");

            assertThat(laptop.get("/devices").body()).isIn("this,other", "other,this");
        }

        @Test
        void signingOutTheOthersEndsTheOtherDeviceOnlyAndLeavesOtherUsersAlone() {
            Browser laptop = loggedIn("ann-revoke");
            Browser phone = loggedIn("ann-revoke");
            Browser bobs = loggedIn("bob-revoke");

            assertThat(laptop.get("/password-changed").body()).isEqualTo("revoked 1");

            assertThat(phone.get("/whoami").body()).isEqualTo("nobody");
            assertThat(laptop.get("/whoami").body()).isEqualTo("ann-revoke");
            assertThat(laptop.get("/devices").body()).isEqualTo("this");
            assertThat(bobs.get("/whoami").body()).isEqualTo("bob-revoke");
        }
    }

    @Nested
    class MaxInactiveIntervalWithAnIdleTimeout {

        @Test
        void isTheIdleTimeoutNotTheCookiesLongerMaxAge() {
            assertThat(new Browser(app.base()).get("/interval").body()).isEqualTo(String.valueOf(20 * 60));
        }

        @Test
        void isTheCookiesMaxAgeOnceThatIsShorter() {
            Browser browser = new Browser(app.base());

            assertThat(browser.get("/short").body()).isEqualTo("60");
            assertThat(browser.get("/interval").body()).isEqualTo("60");
        }
    }
}
