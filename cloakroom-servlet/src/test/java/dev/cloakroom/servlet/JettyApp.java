package dev.cloakroom.servlet;

import dev.cloakroom.SessionOptions;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.net.URI;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

/** Embedded Jetty 12 (ee10) on a free loopback port: the filter for /*, one servlet routing by path. */
final class JettyApp implements AutoCloseable {

    private final Server server;
    private final URI base;

    private JettyApp(Server server, URI base) {
        this.server = server;
        this.base = base;
    }

    static JettyApp start(SessionOptions options, Map<String, Route> routes) throws Exception {
        return start(new CloakroomFilter(options), routes);
    }

    /** As {@link #start(SessionOptions, Map)}, with a filter of the caller's (one on a test's clock, say). */
    static JettyApp start(CloakroomFilter cloakroom, Map<String, Route> routes) throws Exception {
        Map<String, Route> table = new LinkedHashMap<>(routes);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        FilterHolder filter = new FilterHolder(cloakroom);
        filter.setAsyncSupported(true);
        context.addFilter(filter, "/*", EnumSet.allOf(DispatcherType.class));
        ServletHolder servlet = new ServletHolder(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
                // An include keeps the outer request's URI; the included path is an attribute.
                String path = request.getDispatcherType() == DispatcherType.INCLUDE
                        ? (String) request.getAttribute(RequestDispatcher.INCLUDE_REQUEST_URI)
                        : request.getRequestURI();
                Route route = table.get(path);
                if (route == null) {
                    response.sendError(404);
                    return;
                }
                try {
                    route.handle(request, response);
                } catch (RuntimeException | java.io.IOException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        servlet.setAsyncSupported(true);
        context.addServlet(servlet, "/*");
        server.setHandler(context);
        server.start();
        return new JettyApp(server, URI.create("http://127.0.0.1:" + connector.getLocalPort()));
    }

    URI base() {
        return base;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
