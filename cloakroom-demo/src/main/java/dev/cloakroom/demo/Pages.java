package dev.cloakroom.demo;

import dev.cloakroom.UserSession;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

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
                + "<p><a href=\"/sessions\">Your sessions</a></p>\n"
                + "<form method=\"post\" action=\"/logout\"><button type=\"submit\">Log out</button></form>\n");
    }

    /** The user's sessions, by fingerprint, with their times in UTC; the current one marked. */
    static String sessions(List<UserSession> sessions) {
        StringBuilder rows = new StringBuilder();
        for (UserSession s : sessions) {
            rows.append("<tr class=\"session\"><td><code>").append(escape(s.handle())).append("</code>")
                    .append(s.current() ? " (this session)" : "").append("</td><td>").append(time(s.created()))
                    .append("</td><td>").append(time(s.lastSeen())).append("</td></tr>\n");
        }
        return page("Your sessions", "<h1>Your sessions</h1>\n<table>\n"
                + "<tr><th>Session</th><th>Signed in (UTC)</th><th>Last seen (UTC)</th></tr>\n" + rows + "</table>\n"
                + "<form method=\"post\" action=\"/sessions/revoke-others\">"
                + "<button type=\"submit\">Sign out everywhere else</button></form>\n"
                + "<p><a href=\"/dashboard\">Dashboard</a></p>\n");
    }

    static String noUserIndex() {
        return page("Your sessions", "<h1>Your sessions</h1>\n<p>This store keeps no user index, so sessions cannot be"
                + " listed; run the demo on memory or Redis.</p>\n");
    }

    private static String time(Optional<Instant> when) {
        return when.map(t -> escape(t.truncatedTo(ChronoUnit.SECONDS).toString())).orElse("unknown");
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
