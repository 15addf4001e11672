package dev.cloakroom.demo;

import dev.cloakroom.Session;

import java.util.Map;

import static dev.cloakroom.demo.Html.escape;

/** The dashboard: who is logged in, this session's visits and times, and its preferences. */
final class DashboardPage {

    private DashboardPage() {
    }

    /**
     * @param error what went wrong with the last preference form (plain text), or null
     */
    static String render(User user, Session session, int visits, Map<String, String> prefs, String error) {
        String csrf = Csrf.field(session);
        StringBuilder body = new StringBuilder();
        body.append(Pages.nav(csrf))
                .append("<h1>Dashboard</h1>\n<p>Welcome ").append(escape(user.username()))
                .append("! This is your dashboard.</p>\n<dl>\n")
                .append(item("Role", escape(user.role())))
                .append(item("Visits to this page", Integer.toString(visits)))
                .append(item("Session created (UTC)", Pages.time(session.created(), "unknown")))
                .append(item("Ends if unused until (UTC)", Pages.time(session.expiresAt(), "when the browser closes")))
                .append(item("Ends for good (UTC)", Pages.time(session.absoluteDeadline(), "no absolute limit")))
                .append("</dl>\n<h2>Preferences</h2>\n");
        if (error != null) {
            body.append("<p class=\"error\" role=\"alert\">").append(escape(error)).append("</p>\n");
        }
        body.append(prefs(prefs, csrf))
                .append("<form method=\"post\" action=\"/prefs\">").append(csrf)
                .append("<label>Name <input name=\"name\" required maxlength=\"64\" pattern=\"[A-Za-z0-9_\\-]{1,64}\"></label>")
                .append(" <label>Value <input name=\"value\"></label>")
                .append(" <button type=\"submit\">Set</button></form>\n");
        return Pages.page("Dashboard", body.toString());
    }

    private static String prefs(Map<String, String> prefs, String csrf) {
        if (prefs.isEmpty()) {
            return "<p>None yet.</p>\n";
        }
        StringBuilder rows = new StringBuilder("<table>\n<tr><th>Name</th><th>Value</th><th></th></tr>\n");
        for (Map.Entry<String, String> p : prefs.entrySet()) {
            rows.append("<tr class=\"pref\"><td>").append(escape(p.getKey())).append("</td><td>")
                    .append(escape(p.getValue())).append("</td><td><form method=\"post\" action=\"/prefs/remove\">")
                    .append(csrf).append("<input type=\"hidden\" name=\"name\" value=\"").append(escape(p.getKey()))
                    .append("\"><button type=\"submit\">Remove</button></form></td></tr>\n");
        }
        return rows.append("</table>\n").toString();
    }

    private static String item(String term, String html) {
        return "<dt>" + term + "</dt><dd>" + html + "</dd>\n";
    }
}
