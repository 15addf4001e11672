package com.example.servlet;

import dev.cloakroom.AttributeTypes;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.servlet.CloakroomFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;

public final class ServletQuickstart extends HttpServlet {

    public record User(String username) {}

    // Stands in for your user database. Keep password hashes there, never passwords.
    private static final Map<String, String> PASSWORDS = Map.of("ada", "lovelace");

    public static void main(String[] args) throws Exception {
        create(3000, System.getenv("SESSION_SECRET")).start();
    }

    public static Server create(int port, String secret) {
        SessionOptions options = SessionOptions.builder()
                .secret(secret)
                .attributeTypes(AttributeTypes.builder().allowPackages("com.example.servlet").build())  // your own types
                .build();
        ServletContextHandler context = new ServletContextHandler();
        context.addFilter(new FilterHolder(new CloakroomFilter(options)), "/*", EnumSet.allOf(DispatcherType.class));
        context.addServlet(ServletQuickstart.class, "/*");
        Server server = new Server(port);
        server.setHandler(context);
        return server;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession();     // existing servlet code keeps working
        switch (request.getMethod() + " " + request.getRequestURI()) {
            case "POST /login" -> {
                String username = request.getParameter("username");
                if (username == null || !PASSWORDS.getOrDefault(username, "").equals(request.getParameter("password"))) {
                    response.sendError(401, "Invalid credentials");
                    return;
                }
                session.setAttribute("user", new User(username));
                request.changeSessionId();                  // a new id at every privilege change
                response.sendRedirect("/dashboard");
            }
            case "GET /dashboard" -> {
                User user = (User) session.getAttribute("user");     // a record again, on any machine, after a restart
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
