package dev.cloakroom.servlet;

import dev.cloakroom.SessionOptions;
import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Servlet code written for container sessions, run unchanged on Cloakroom. */
class HttpSessionTest {

    private static final SwitchableStore STORE = new SwitchableStore();
    private static JettyApp app;
    private Browser browser;

    @BeforeAll
    static void start() throws Exception {
        SessionOptions options = SessionOptions.builder().secret("keyboard cat").store(STORE)
                .cookie(c -> c.maxAge(Duration.ofMinutes(30))).build();
        app = JettyApp.start(options, Map.ofEntries(
                Map.entry("/login", (req, res) -> {
                    HttpSession s = req.getSession();
                    s.setAttribute("user", req.getParameter("name"));
                    s.setAttribute("cart", new ArrayList<>(List.of("apple")));
                    res.getWriter().print("new=" + s.isNew());
                }),
                Map.entry("/whoami", (req, res) -> {
                    HttpSession s = req.getSession(false);
                    res.getWriter().print(s == null ? "none" : s.getAttribute("user") + " " + s.getAttribute("cart")
                            + " new=" + s.isNew() + " names=" + Collections.list(s.getAttributeNames()));
                }),
                Map.entry("/same-object", (req, res) -> {
                    HttpSession s = req.getSession();
                    List<String> cart = new ArrayList<>(List.of("pear"));
                    s.setAttribute("cart", cart);
                    res.getWriter().print(s.getAttribute("cart") == cart);
                }),
                Map.entry("/add-to-cart", (req, res) -> {
                    @SuppressWarnings("unchecked")
                    List<Object> cart = (List<Object>) req.getSession().getAttribute("cart");
                    cart.add("plum");
                    res.getWriter().print("added");
                }),
                Map.entry("/express-view", (req, res) ->
                        res.getWriter().print(CloakroomFilter.session(req).get("user", String.class).orElse("?")
                                + " same=" + (CloakroomFilter.session(req) == CloakroomFilter.session(req)))),
                Map.entry("/remove", (req, res) -> {
                    HttpSession s = req.getSession();
                    s.removeAttribute("cart");
                    s.setAttribute("user", null);
                    res.getWriter().print("removed");
                }),
                Map.entry("/logout", (req, res) -> {
                    HttpSession s = req.getSession();
                    s.invalidate();
                    String refused;
                    try {
                        s.getAttribute("user");
                        refused = "no";
                    } catch (IllegalStateException e) {
                        refused = "yes";
                    }
                    res.getWriter().print("refused=" + refused + " after=" + req.getSession(false));
                }),
                Map.entry("/relogin", (req, res) -> {
                    req.getSession().invalidate();
                    HttpSession fresh = req.getSession(true);
                    fresh.setAttribute("user", "bob");
                    res.getWriter().print("new=" + fresh.isNew());
                }),
                Map.entry("/rotate", (req, res) -> {
                    String before = req.getSession().getId();
                    String after = req.changeSessionId();
                    res.getWriter().print(!before.equals(after) && after.equals(req.getSession().getId()));
                }),
                Map.entry("/rotate-without-session", (req, res) -> {
                    try {
                        req.changeSessionId();
                        res.getWriter().print("changed");
                    } catch (IllegalStateException e) {
                        res.getWriter().print("refused");
                    }
                }),
                Map.entry("/rotate-after-body", (req, res) -> {
                    String before = req.getSession().getId();
                    res.getWriter().print("started ");
                    res.flushBuffer();
                    String outcome;
                    try {
                        req.changeSessionId();
                        outcome = "changed";
                    } catch (IllegalStateException e) {
                        outcome = "refused";
                    }
                    res.getWriter().print(outcome + " same=" + before.equals(req.getSession().getId()));
                }),
                Map.entry("/browser-session", (req, res) -> {
                    HttpSession s = req.getSession();
                    s.setMaxInactiveInterval(0);
                    s.setAttribute("short", false);
                    res.getWriter().print(s.getMaxInactiveInterval());
                }),
                Map.entry("/interval", (req, res) -> res.getWriter().print(req.getSession().getMaxInactiveInterval())),
                Map.entry("/remember", (req, res) -> {
                    req.getSession().setMaxInactiveInterval(30 * 24 * 3600);
                    res.getWriter().print("remembered");
                }),
                Map.entry("/short", (req, res) -> {
                    HttpSession s = req.getSession();
                    s.setMaxInactiveInterval(60);
                    s.setAttribute("short", true);
                    res.getWriter().print(s.getMaxInactiveInterval());
                }),
                Map.entry("/requested", (req, res) -> res.getWriter().print(req.getRequestedSessionId()
                        + " valid=" + req.isRequestedSessionIdValid()
                        + " fromCookie=" + req.isRequestedSessionIdFromCookie()
                        + " fromUrl=" + req.isRequestedSessionIdFromURL())),
                Map.entry("/times", (req, res) -> {
                    HttpSession s = req.getSession();
                    res.getWriter().print(s.getCreationTime() <= s.getLastAccessedTime()
                            && s.getLastAccessedTime() <= System.currentTimeMillis() && s.getCreationTime() > 0);
                })));
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    @BeforeEach
    void newBrowser() {
        browser = new Browser(app.base());
    }

    private void logIn() {
        assertThat(browser.get("/login?name=ann").body()).isEqualTo("new=true");
    }

    @Nested
    class WhenAttributesAreSet {
        @Test
        void theNextRequestSeesThem() {
            logIn();
            assertThat(browser.get("/whoami").body()).isEqualTo("ann [apple] new=false names=[user, cart]");
        }

        @Test
        void getAttributeReturnsTheSameObjectWithinTheRequest() {
            assertThat(browser.get("/same-object").body()).isEqualTo("true");
        }

        @Test
        void aStoredListChangedInPlaceIsSaved() {
            logIn();
            browser.get("/add-to-cart");
            assertThat(browser.get("/whoami").body()).startsWith("ann [apple, plum]");
        }

        @Test
        void theExpressStyleSessionSeesTheSameData() {
            logIn();
            assertThat(browser.get("/express-view").body()).isEqualTo("ann same=true");
        }

        @Test
        void removingAndSettingNullDeleteThem() {
            logIn();
            browser.get("/remove");
            assertThat(browser.get("/whoami").body()).isEqualTo("null null new=false names=[]");
        }
    }

    @Nested
    class WhenTheVisitorIsNew {
        @Test
        void getSessionFalseIsNullAndNoCookieIsSent() {
            Browser.Reply reply = browser.get("/whoami");
            assertThat(reply.body()).isEqualTo("none");
            assertThat(reply.sessionCookie()).isEmpty();
        }

        @Test
        void changeSessionIdIsRefused() {
            assertThat(browser.get("/rotate-without-session").body()).isEqualTo("refused");
        }
    }

    @Nested
    class WhenTheSessionIsInvalidated {
        @Test
        void itRefusesUseAndTheRequestHasNoSession() {
            logIn();
            assertThat(browser.get("/logout").body()).isEqualTo("refused=yes after=null");
        }

        @Test
        void theNextRequestHasNoSessionAndTheStoreForgotIt() {
            logIn();
            String id = browser.sessionId();
            browser.get("/logout");
            assertThat(browser.get("/whoami").body()).isEqualTo("none");
            assertThat(STORE.memory.get(id)).isEmpty();
        }
    }

    @Nested
    class WhenTheSessionIsInvalidatedAndRecreated {
        @Test
        void theFreshSessionGetsANewCookieAndTheOldIdIsDead() {
            logIn();
            String oldCookie = browser.cookie;
            Browser.Reply reply = browser.get("/relogin");
            assertThat(reply.body()).isEqualTo("new=true");
            assertThat(reply.sessionCookie()).isPresent().get().isNotEqualTo(oldCookie);
            assertThat(browser.get("/whoami").body()).startsWith("bob null");
            browser.cookie = oldCookie;
            assertThat(browser.get("/whoami").body()).isEqualTo("none");
        }
    }

    @Nested
    class WhenTheSessionIdChanges {
        @Test
        void theNewCookieCarriesTheDataAndTheOldIdIsDead() {
            logIn();
            String oldCookie = browser.cookie;
            Browser.Reply reply = browser.get("/rotate");
            assertThat(reply.body()).isEqualTo("true");
            assertThat(reply.sessionCookie()).isPresent().get().isNotEqualTo(oldCookie);
            assertThat(browser.get("/whoami").body()).startsWith("ann [apple]");

            browser.cookie = oldCookie;
            assertThat(browser.get("/whoami").body()).isEqualTo("none");
        }
    }

    @Nested
    class WhenTheIdChangesAfterTheBodyStarted {
        @Test
        void itIsRefusedAndTheOldCookieKeepsWorking() {
            logIn();
            String cookie = browser.cookie;
            Browser.Reply reply = browser.get("/rotate-after-body");
            assertThat(reply.body()).isEqualTo("started refused same=true");
            assertThat(reply.sessionCookie()).as("no cookie can follow a started body").isEmpty();
            browser.cookie = cookie;
            assertThat(browser.get("/whoami").body()).startsWith("ann [apple]");
        }
    }

    @Nested
    class MaxInactiveInterval {
        @Test
        void isTheCookieMaxAgeInSeconds() {
            assertThat(browser.get("/interval").body()).isEqualTo("1800");
        }

        @Test
        void aLongerIntervalOnAnUnchangedSessionIsSentAtOnce() {
            logIn();
            long before = System.currentTimeMillis();
            Browser.Reply reply = browser.get("/remember");
            String header = reply.sessionCookieHeader().orElseThrow();
            String expires = header.substring(header.indexOf("Expires=") + 8, header.indexOf(';', header.indexOf("Expires=")));
            long expiresAt = java.time.ZonedDateTime.parse(expires, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant().toEpochMilli();
            assertThat(expiresAt).isGreaterThan(before + 29L * 24 * 3600 * 1000);
            assertThat(browser.get("/interval").body()).isEqualTo(String.valueOf(30 * 24 * 3600));
        }

        @Test
        void zeroOrLessMakesABrowserSessionCookie() {
            logIn();
            Browser.Reply reply = browser.get("/browser-session");
            assertThat(reply.body()).isEqualTo("-1");
            assertThat(reply.sessionCookieHeader().orElseThrow()).doesNotContain("Expires").doesNotContain("Max-Age");
            assertThat(browser.get("/interval").body()).isEqualTo("-1");
        }

        @Test
        void setsTheCookieExpiry() {
            Browser.Reply reply = browser.get("/short");
            assertThat(reply.body()).isEqualTo("60");
            assertThat(browser.get("/interval").body()).isEqualTo("60");
        }
    }

    @Nested
    class RequestedSessionId {
        @Test
        void isTheIdInTheSignedCookie() {
            logIn();
            assertThat(browser.get("/requested").body())
                    .isEqualTo(browser.sessionId() + " valid=true fromCookie=true fromUrl=false");
        }

        @Test
        void isNullWhenTheSignatureIsBad() {
            logIn();
            browser.cookie = browser.cookie.substring(0, browser.cookie.length() - 2) + "xx";
            assertThat(browser.get("/requested").body()).isEqualTo("null valid=false fromCookie=false fromUrl=false");
        }

        @Test
        void isNotValidOnceTheStoreForgotTheSession() {
            logIn();
            STORE.memory.destroy(browser.sessionId());
            assertThat(browser.get("/requested").body())
                    .isEqualTo(browser.sessionId() + " valid=false fromCookie=true fromUrl=false");
        }
    }

    @Test
    void creationAndAccessTimesAreSane() {
        logIn();
        assertThat(browser.get("/times").body()).isEqualTo("true");
    }
}
