package com.example.servlet;

import dev.cloakroom.AttributeTypes;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.servlet.CloakroomFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;

public final class ServletQuickstart extends HttpServlet {

    public record User(String username) {}

    // Stands in for your user store, which keeps password hashes, never passwords.
    private static final Map<String, String> PASSWORDS = Map.of("ada", "lovelace");

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "3000"));
        create(port, System.getenv("SESSION_SECRET")).start();
    }

    public static Server create(int port, String secret) {
        SessionOptions options = SessionOptions.builder()
                .secret(secret)
                .attributeTypes(AttributeTypes.builder().allowPackages("com.example.servlet").build())
                .build();
        ServletContextHandler context = new ServletContextHandler();
        context.addFilter(new FilterHolder(new CloakroomFilter(options)), "/*",
                EnumSet.allOf(DispatcherType.class));     // every dispatch: REQUEST, FORWARD, ERROR...
        context.addServlet(ServletQuickstart.class, "/*");
        Server server = new Server(port);
        server.setHandler(context);
        return server;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var session = request.getSession();             // an HttpSession, backed by Cloakroom
        switch (request.getMethod() + " " + request.getRequestURI()) {
            case "POST /login" -> {
                String username = request.getParameter("username");
                String password = request.getParameter("password");
                if (username == null || !PASSWORDS.getOrDefault(username, "").equals(password)) {
                    response.sendError(401, "Invalid credentials");
                    return;
                }
                session.setAttribute("user", new User(username));
                request.changeSessionId();                  // a new id at every privilege change
                response.sendRedirect("/dashboard");
            }
            case "GET /dashboard" -> {
                User user = (User) session.getAttribute("user");     // a User again, even after a restart
                if (user == null) {
                    response.sendError(401, "Log in first");
                    return;
                }
                int visits = (int) Objects.requireNonNullElse(session.getAttribute("visits"), 0) + 1;
                session.setAttribute("visits", visits);
                response.getWriter().print("Hello " + user.username() + ", visit " + visits);
            }
            case "POST /logout" -> {
                session.invalidate();                       // deleted from the store
                response.getWriter().print("Logged out");
            }
            default -> response.sendError(404);
        }
    }
}
