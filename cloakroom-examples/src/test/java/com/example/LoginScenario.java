package com.example;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a quickstart promises, checked over HTTP against the running program: a wrong password is
 * refused and leaves no session, a right one logs in and redirects to a route that exists, a value
 * set in the session is read back on the next request, and logout ends the session for good.
 */
public abstract class LoginScenario {

    /** The running quickstart's address, e.g. {@code http://127.0.0.1:40123}. */
    protected abstract URI base();

    @Test
    void refusesBadCredentialsWithoutStartingASession() throws Exception {
        Browser browser = new Browser(base());
        assertThat(browser.postForm("/login", "username", "ada", "password", "wrong").statusCode()).isEqualTo(401);
        assertThat(browser.postForm("/login", "username", "nobody", "password", "lovelace").statusCode()).isEqualTo(401);
        assertThat(browser.postForm("/login", "password", "lovelace").statusCode()).isEqualTo(401);
        assertThat(browser.sessionCookie()).isEmpty();
        assertThat(browser.get("/dashboard").statusCode()).isEqualTo(401);
    }

    @Test
    void logsInFollowsTheRedirectCountsVisitsAndLogsOut() throws Exception {
        Browser browser = new Browser(base());
        assertThat(browser.get("/dashboard").statusCode()).isEqualTo(401);

        HttpResponse<String> login = browser.postForm("/login", "username", "ada", "password", "lovelace");
        assertThat(login.statusCode()).isEqualTo(302);
        Optional<String> location = login.headers().firstValue("Location");
        assertThat(location).isPresent();
        assertThat(base().resolve(location.get()).getPath()).isEqualTo("/dashboard");
        String cookie = browser.sessionCookie().orElseThrow(() -> new AssertionError("no session cookie after login"));

        HttpResponse<String> dashboard = browser.get(base().resolve(location.get()));
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).isEqualTo("Hello ada, visit 1");
        assertThat(browser.get("/dashboard").body()).isEqualTo("Hello ada, visit 2");

        HttpResponse<String> logout = browser.postForm("/logout");
        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(logout.body()).isEqualTo("Logged out");
        assertThat(browser.get("/dashboard").statusCode()).isEqualTo(401);

        // The cookie a copy of the browser kept is worthless too: the session is gone from the store.
        Browser replay = new Browser(base());
        replay.setSessionCookie(cookie);
        assertThat(replay.get("/dashboard").statusCode()).isEqualTo(401);
    }

    /** Logging in again, as after a privilege change, moves the session to a new id and the old one stops working. */
    @Test
    void givesTheSessionANewIdAtLogin() throws Exception {
        Browser browser = new Browser(base());
        assertThat(browser.postForm("/login", "username", "ada", "password", "lovelace").statusCode()).isEqualTo(302);
        assertThat(browser.get("/dashboard").body()).isEqualTo("Hello ada, visit 1");
        String before = browser.sessionCookie().orElseThrow();

        assertThat(browser.postForm("/login", "username", "ada", "password", "lovelace").statusCode()).isEqualTo(302);
        String after = browser.sessionCookie().orElseThrow();
        assertThat(after).isNotEqualTo(before);
        // The count may start again: Javalin's regenerate() empties the session, as express-session's
        // does, where the servlet's changeSessionId() keeps the attributes.
        assertThat(browser.get("/dashboard").body()).startsWith("Hello ada, visit ");

        Browser stale = new Browser(base());
        stale.setSessionCookie(before);
        assertThat(stale.get("/dashboard").statusCode()).isEqualTo(401);
    }

    @Test
    void keepsTwoVisitorsApart() throws Exception {
        Browser ada = new Browser(base());
        assertThat(ada.postForm("/login", "username", "ada", "password", "lovelace").statusCode()).isEqualTo(302);
        assertThat(ada.get("/dashboard").body()).isEqualTo("Hello ada, visit 1");
        assertThat(new Browser(base()).get("/dashboard").statusCode()).isEqualTo(401);
        assertThat(ada.get("/dashboard").body()).isEqualTo("Hello ada, visit 2");
    }

    @Test
    void answersUnknownRoutesWith404() throws Exception {
        assertThat(new Browser(base()).get("/nowhere").statusCode()).isEqualTo(404);
    }
}
