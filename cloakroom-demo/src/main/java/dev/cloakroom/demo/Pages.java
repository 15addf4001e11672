package dev.cloakroom.demo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import static dev.cloakroom.demo.Html.escape;

/**
 * The demo's HTML: the page shell and the small pages. Every value that did not come from the
 * demo's own source passes through {@link Html#escape}; a form's hidden token field comes from
 * {@link Csrf#field}, which escapes it too.
 */
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
                  <li><a href="/sessions">Your sessions</a> (needs a login)</li>
                  <li><a href="/inspect">Session inspector</a>: this session as the store holds it</li>
                  <li><a href="/logout">Log out</a></li>
                  <li><a href="/set-session">Set session data</a> and
                      <a href="/get-session">read it back</a></li>
                  <li><a href="/api/prefs">Preferences (JSON)</a></li>
                  <li><a href="/health">Health</a></li>
                </ul>
                """);
    }

    /** The login form, with {@code error} (plain text, may be null) shown above it. */
    static String login(String csrfField, String error) {
        String message = error == null ? "" : "<p class=\"error\" role=\"alert\">" + escape(error) + "</p>\n";
        return page("Log in", "<h1>Log in</h1>\n" + message
                + "<form method=\"post\" action=\"/login\">\n" + csrfField + "\n"
                + """
                  <label>Username <input name="username" autocomplete="username" required></label>
                  <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
                  <button type="submit">Log in</button>
                </form>
                """);
    }

    static String forbidden() {
        return page("Forbidden", "<h1>Forbidden</h1>\n<p class=\"error\">This form was not sent from this site's own page,"
                + " or its page is out of date. Go back, reload the page and try again.</p>\n"
                + "<p><a href=\"/dashboard\">Dashboard</a></p>\n");
    }

    static String noUserIndex() {
        return page("Your sessions", "<h1>Your sessions</h1>\n<p>This store keeps no user index, so sessions cannot be"
                + " listed; run the demo on memory or Redis.</p>\n");
    }

    /** A time in UTC to the second, or {@code missing} when there is none. */
    static String time(Optional<Instant> when, String missing) {
        return when.map(t -> escape(t.truncatedTo(ChronoUnit.SECONDS).toString())).orElse(escape(missing));
    }

    /** The navigation between the logged-in pages, with the logout button (a form, so it carries the token). */
    static String nav(String csrfField) {
        return "<nav><a href=\"/dashboard\">Dashboard</a> <a href=\"/sessions\">Your sessions</a>"
                + " <a href=\"/inspect\">Session inspector</a>"
                + " <form method=\"post\" action=\"/logout\" class=\"inline\">" + csrfField
                + "<button type=\"submit\">Log out</button></form></nav>\n";
    }

    static String page(String title, String body) {
        return "<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
                + "</title><link rel=\"stylesheet\" href=\"/style.css\"></head>\n<body>\n<main>\n" + body
                + "</main>\n</body>\n</html>\n";
    }
}
