package dev.cloakroom.sample;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a shopper does, over real HTTP against a running instance; each store's test class runs
 * all of it. Every response is also checked for a {@code JSESSIONID} cookie (see {@link Browser}).
 */
abstract class ShopScenarios {

    /** The instance the scenarios run against, shared by the class's tests. */
    abstract ShopServer server();

    static void assertLoggedIn(Browser browser, String user) {
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).as("GET / of a logged-in visitor").isEqualTo(200);
        assertThat(home.body()).contains("<b id=\"user\">" + user + "</b>");
    }

    static void assertAnonymous(Browser browser) {
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).as("GET / of an anonymous visitor").isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    static HttpResponse<String> addToCart(Browser browser, String name, int quantity) {
        return browser.submit("/cart", "/cart", Map.of("name", name, "quantity", String.valueOf(quantity)));
    }

    @Test
    void loginSurvivesToTheNextRequest() {
        Browser browser = server().browser();
        HttpResponse<String> login = browser.login("alice", ShopServer.ALICE_PASSWORD, false);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        assertLoggedIn(browser, "alice");
        assertLoggedIn(browser, "alice");
    }

    @Test
    void aWrongPasswordLogsNobodyIn() {
        Browser browser = server().browser();
        HttpResponse<String> login = browser.login("alice", "not-her-password", false);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertAnonymous(browser);
    }

    @Test
    void theSessionIdChangesAtLoginAndThePreLoginCookieIsDead() {
        Browser browser = server().browser();
        assertThat(browser.get("/login").statusCode()).isEqualTo(200);
        String before = browser.cookie(Browser.SESSION_COOKIE);
        assertThat(before).as("the login page's CSRF token lives in a session").isNotNull();

        browser.login("alice", ShopServer.ALICE_PASSWORD, false);
        String after = browser.cookie(Browser.SESSION_COOKIE);
        assertThat(after).isNotNull();
        assertThat(Browser.sessionId(after)).isNotEqualTo(Browser.sessionId(before));
        assertLoggedIn(browser, "alice");

        Browser attacker = server().browser();
        attacker.cookie(Browser.SESSION_COOKIE, before);
        assertAnonymous(attacker);
    }

    @Test
    void aDeepLinkLeadsBackToItselfAfterLogin() {
        Browser browser = server().browser();
        HttpResponse<String> deep = browser.get("/cart");
        assertThat(deep.statusCode()).isEqualTo(302);
        assertThat(deep.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        HttpResponse<String> login = browser.login("alice", ShopServer.ALICE_PASSWORD, false);
        assertThat(login.statusCode()).isEqualTo(302);
        String target = login.headers().firstValue("Location").orElseThrow();
        assertThat(target).contains("/cart");

        HttpResponse<String> cart = browser.get(target.substring(target.indexOf("/cart")));
        assertThat(cart.statusCode()).isEqualTo(200);
        assertThat(cart.body()).contains("<h1>Your cart</h1>");
    }

    @Test
    void theCartComesBackAsACartOnLaterRequests() {
        Browser browser = server().browser();
        browser.login("bob", "bob-pw", false);
        assertThat(addToCart(browser, "apple", 2).statusCode()).isEqualTo(200);
        assertThat(addToCart(browser, "pear", 1).statusCode()).isEqualTo(200);
        HttpResponse<String> more = addToCart(browser, "apple", 1);
        assertThat(more.statusCode()).as("the handler casts the stored value to Cart").isEqualTo(200);

        HttpResponse<String> cart = browser.get("/cart");
        assertThat(cart.statusCode()).isEqualTo(200);
        assertThat(cart.body()).contains("<li class=\"item\">3 × apple</li>", "<li class=\"item\">1 × pear</li>");
    }

    @Test
    void signingOutEverywhereElseEndsTheUsersOtherSessionsOnly() {
        Browser laptop = server().browser();
        Browser phone = server().browser();
        Browser bobs = server().browser();
        laptop.login("alice", ShopServer.ALICE_PASSWORD, false);
        phone.login("alice", ShopServer.ALICE_PASSWORD, false);
        bobs.login("bob", "bob-pw", false);
        assertThat(laptop.get("/devices").body()).doesNotContain("<b id=\"devices\">1</b>").contains("<b id=\"devices\">");

        HttpResponse<String> signedOut = laptop.submit("/devices", "/devices", Map.of());

        assertThat(signedOut.statusCode()).isEqualTo(200);
        assertThat(signedOut.body()).contains("<b id=\"devices\">1</b>");
        assertAnonymous(phone);
        assertLoggedIn(laptop, "alice");
        assertLoggedIn(bobs, "bob");
    }

    @Test
    void logoutEndsTheSessionAndItsCookieCannotBeReplayed() {
        Browser browser = server().browser();
        browser.login("alice", ShopServer.ALICE_PASSWORD, false);
        assertLoggedIn(browser, "alice");
        String loggedIn = browser.cookie(Browser.SESSION_COOKIE);

        HttpResponse<String> logout = browser.logout();
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
        assertAnonymous(browser);

        Browser replay = server().browser();
        replay.cookie(Browser.SESSION_COOKIE, loggedIn);
        assertAnonymous(replay);
    }

    @Test
    void errorsRenderThroughTheProtectedErrorPageForALoggedInUser() {
        Browser browser = server().browser();
        browser.login("alice", ShopServer.ALICE_PASSWORD, false);

        HttpResponse<String> missing = browser.get("/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Whitelabel Error Page");

        HttpResponse<String> failing = browser.get("/boom");
        assertThat(failing.statusCode()).isEqualTo(500);
        assertThat(failing.body()).contains("Whitelabel Error Page");

        assertLoggedIn(browser, "alice");
    }

    @Test
    void anAnonymousVisitorIsSentToLoginInsteadOfAnErrorPage() {
        Browser browser = server().browser();
        HttpResponse<String> missing = browser.get("/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(302);
        assertThat(missing.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void rememberMeLogsInANewBrowserSession() {
        Browser browser = server().browser();
        browser.login("alice", ShopServer.ALICE_PASSWORD, true);
        String token = browser.cookie("remember-me");
        assertThat(token).as("remember-me cookie").isNotNull();

        Browser nextDay = server().browser();
        nextDay.cookie("remember-me", token);
        assertLoggedIn(nextDay, "alice");
        assertThat(nextDay.cookie(Browser.SESSION_COOKIE)).as("a new session for the remembered user").isNotNull();
        nextDay.cookie("remember-me", null);
        assertLoggedIn(nextDay, "alice");
    }

    @Test
    void aPostWithoutItsCsrfTokenIsRefusedThroughTheErrorPage() {
        Browser browser = server().browser();
        browser.login("alice", ShopServer.ALICE_PASSWORD, false);
        HttpResponse<String> forged = browser.postForm("/cart", Map.of("name", "anvil"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("Whitelabel Error Page");
        assertThat(browser.get("/cart").body()).doesNotContain("anvil");

        Browser anonymous = server().browser();
        HttpResponse<String> refused = anonymous.postForm("/cart", Map.of("name", "anvil"));
        assertThat(refused.statusCode()).as("the error page needs a login too").isEqualTo(302);
    }

    @Test
    void sessionListenersHearOfTheNewIdAtLoginAndTheEndAtLogout() {
        SessionAudit audit = server().context().getBean(SessionAudit.class);
        Browser browser = server().browser();
        browser.get("/login");
        String before = Browser.sessionId(browser.cookie(Browser.SESSION_COOKIE));
        browser.login("alice", ShopServer.ALICE_PASSWORD, false);
        String after = Browser.sessionId(browser.cookie(Browser.SESSION_COOKIE));
        browser.logout();

        assertThat(audit.events()).containsSubsequence("created " + before, "changed " + before + " " + after,
                "destroyed " + after);
        assertThat(audit.events()).filteredOn(e -> e.equals("created " + before)).hasSize(1);
    }
}
