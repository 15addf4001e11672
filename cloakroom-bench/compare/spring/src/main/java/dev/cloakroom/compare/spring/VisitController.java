package dev.cloakroom.compare.spring;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;

/** The demo's visit counter, for a logged-in user, on whichever {@link HttpSession} the profile provides. */
@RestController
public class VisitController {

    /** For Spring, which makes the instance. */
    public VisitController() {
    }

    /**
     * Counts a visit: writes two session attributes.
     *
     * @param request the request, whose session is the logged-in user's
     * @param user    the logged-in user
     * @return a fixed text
     */
    @GetMapping("/set-session")
    public String set(HttpServletRequest request, Principal user) {
        HttpSession session = request.getSession();
        Integer visits = (Integer) session.getAttribute("visits");
        session.setAttribute("username", user.getName());
        session.setAttribute("visits", visits == null ? 1 : visits + 1);
        return "Session data set";
    }

    /**
     * Reads the counter back without writing to the session.
     *
     * @param request the request, whose session is the logged-in user's
     * @return the greeting, or "No session data found" before the first {@code /set-session}
     */
    @GetMapping("/get-session")
    public String get(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object username = session == null ? null : session.getAttribute("username");
        if (username == null) {
            return "No session data found";
        }
        return "Welcome back, " + username + "! You've visited " + session.getAttribute("visits") + " times.";
    }
}
