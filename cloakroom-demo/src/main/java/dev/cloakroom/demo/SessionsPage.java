package dev.cloakroom.demo;

import dev.cloakroom.Session;
import dev.cloakroom.StoredSession;
import dev.cloakroom.UserSession;

import java.util.List;
import java.util.Optional;

import static dev.cloakroom.demo.Html.escape;

/** "Your sessions" and the session inspector. Neither ever shows a session id: ids are credentials. */
final class SessionsPage {

    private SessionsPage() {
    }

    /** The user's sessions, by fingerprint, with the browser and address each signed in from, times in UTC; the current one marked. */
    static String list(List<UserSession> sessions, Session current) {
        String csrf = Csrf.field(current);
        StringBuilder rows = new StringBuilder();
        for (UserSession s : sessions) {
            rows.append("<tr class=\"session\"><td><code>").append(escape(s.handle())).append("</code>")
                    .append(s.current() ? " (this session)" : "").append("</td><td>")
                    .append(Pages.time(s.created(), "unknown")).append("</td><td>")
                    .append(Pages.time(s.lastSeen(), "unknown")).append("</td><td class=\"device\">")
                    .append(escape(s.attributeText(AccountRoutes.DEVICE).orElse("unknown"))).append("</td><td class=\"address\">")
                    .append(escape(s.attributeText(AccountRoutes.ADDRESS).orElse("unknown"))).append("</td></tr>\n");
        }
        return Pages.page("Your sessions", Pages.nav(csrf) + "<h1>Your sessions</h1>\n"
                + "<p>Every browser signed in as you. A session you do not recognise can be signed out here;"
                + " then change your password.</p>\n<table>\n"
                + "<tr><th>Session</th><th>Signed in (UTC)</th><th>Last seen (UTC)</th><th>Browser</th><th>Address</th></tr>\n"
                + rows + "</table>\n"
                + "<form method=\"post\" action=\"/sessions/revoke-others\">" + csrf
                + "<button type=\"submit\">Sign out everywhere else</button></form>\n");
    }

    /**
     * The inspector: {@code stored}, the document the store holds for this session, exactly as its
     * text reads (escaped, never reformatted), or a note that this browser has no stored session.
     */
    static String inspect(Optional<StoredSession> stored) {
        String body = stored.map(s -> "<p>The document the store holds for this session, character for character."
                        + " The id is not in it: the store keeps it as the key.</p>\n"
                        + "<pre class=\"document\">" + escape(s.json()) + "</pre>\n"
                        + "<p>The store drops it at " + Pages.time(Optional.ofNullable(s.expires()), "its own default") + " (UTC) unless it is used.</p>\n")
                .orElse("<p>This browser has no session in the store. <a href=\"/set-session\">Set session data</a>"
                        + " or <a href=\"/login\">log in</a>, then come back.</p>\n");
        return Pages.page("Session inspector", "<nav><a href=\"/\">Home</a> <a href=\"/dashboard\">Dashboard</a></nav>\n"
                + "<h1>Session inspector</h1>\n" + body);
    }
}
