package dev.cloakroom.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.Map;

/** One path's handler in the test apps ({@link JettyApp}, {@link TomcatApp}). */
@FunctionalInterface
interface Route {

    void handle(HttpServletRequest request, HttpServletResponse response) throws Exception;

    /**
     * Routes that forward to, or include, {@code target}: as they are, and after putting
     * {@code user} in a session they start, so the target must see a session begun before the dispatch.
     */
    static Map<String, Route> dispatchingTo(String target) {
        return Map.of(
                "/forward", (req, res) -> req.getRequestDispatcher(target).forward(req, res),
                "/start-and-forward", (req, res) -> {
                    req.getSession().setAttribute("user", "dave");
                    req.getRequestDispatcher(target).forward(req, res);
                },
                "/include", (req, res) -> include(target, req, res),
                "/start-and-include", (req, res) -> {
                    req.getSession().setAttribute("user", "erin");
                    include(target, req, res);
                });
    }

    /** {@code first} and {@code second} together; a path in both is an error. */
    static Map<String, Route> join(Map<String, Route> first, Map<String, Route> second) {
        Map<String, Route> all = new java.util.HashMap<>(first);
        second.forEach((path, route) -> {
            if (all.putIfAbsent(path, route) != null) {
                throw new IllegalArgumentException("two routes for " + path);
            }
        });
        return all;
    }

    private static void include(String target, HttpServletRequest req, HttpServletResponse res) throws Exception {
        res.getWriter().print("[");
        req.getRequestDispatcher(target).include(req, res);
        res.getWriter().print("]");
    }
}
