package dev.cloakroom.demo;

import static dev.cloakroom.demo.Html.escape;

/** The demo's HTML. Every value that did not come from this file passes through {@link Html#escape}. */
final class Pages {

    private Pages() {
    }

    static String home() {
        return page("Cloakroom demo", """
                <h1>Cloakroom demo</h1>
                <p>Server-side sessions for Java, wire-compatible with express-session.</p>
                <ul>
                  <li><a href="/login">Log in</a></li>
                  <li><a href="/dashboard">Dashboard</a> (needs a login)</li>
                  <li><a href="/logout">Log out</a></li>
                  <li><a href="/set-session">Set session data</a> and
                      <a href="/get-session">read it back</a></li>
                  <li><a href="/api/prefs">Preferences (JSON)</a></li>
                  <li><a href="/health">Health</a></li>
                </ul>
                """);
    }

    static String login() {
        return loginWith("");
    }

    static String invalidCredentials() {
        return loginWith("<p class=\"error\">Invalid credentials</p>\n");
    }

    static String dashboard(User user) {
        return page("Dashboard", "<h1>Dashboard</h1>\n<p>Welcome " + escape(user.username())
                + "! This is your dashboard.</p>\n<p>Role: " + escape(user.role()) + "</p>\n"
                + "<form method=\"post\" action=\"/logout\"><button type=\"submit\">Log out</button></form>\n");
    }

    private static String loginWith(String message) {
        return page("Log in", "<h1>Log in</h1>\n" + message + """
                <form method="post" action="/login">
                  <label>Username <input name="username" autocomplete="username" required></label>
                  <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
                  <button type="submit">Log in</button>
                </form>
                """);
    }

    private static String page(String title, String body) {
        return "<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head>\n<body>\n" + body + "</body>\n</html>\n";
    }
}
