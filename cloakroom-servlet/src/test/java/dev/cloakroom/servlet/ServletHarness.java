package dev.cloakroom.servlet;

import dev.cloakroom.SessionContext;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.testkit.AdapterHarness;
import dev.cloakroom.testkit.RunningServer;
import dev.cloakroom.testkit.TestCall;
import dev.cloakroom.testkit.TestRoutes;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.util.EnumSet;

/**
 * Embedded Jetty 12 (ee10) on a free loopback port: {@link CloakroomFilter} for {@code /*} and the
 * REQUEST dispatch, and one servlet for {@code /*} handing every method and path to
 * {@link TestRoutes#handlerFor}. The handler's body is written after it returns, through the
 * filter's response, as a servlet that renders at the end would.
 */
final class ServletHarness implements AdapterHarness {

    private final boolean trustsForwarding;

    ServletHarness() {
        this(false);
    }

    /** {@code trustsForwarding}: the connector gets a {@link ForwardedRequestCustomizer}, as behind a proxy it is told to trust. */
    ServletHarness(boolean trustsForwarding) {
        this.trustsForwarding = trustsForwarding;
    }

    @Override
    public RunningServer start(SessionOptions options, TestRoutes routes) throws Exception {
        return start("/", routes, options);
    }

    /** The servlet context path; {@code getRequestURI()} still gives the full path. */
    @Override
    public RunningServer startMountedAt(String mountPath, SessionOptions options, TestRoutes routes) throws Exception {
        return start(mountPath, routes, options);
    }

    /** Two {@link CloakroomFilter}s mapped to {@code /*}, in this order. */
    @Override
    public RunningServer startRegisteredTwice(SessionOptions first, SessionOptions second, TestRoutes routes)
            throws Exception {
        return start("/", routes, first, second);
    }

    private RunningServer start(String contextPath, TestRoutes routes, SessionOptions... filters) throws Exception {
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        if (trustsForwarding) {
            http.addCustomizer(new ForwardedRequestCustomizer());
        }
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath(contextPath);
        for (SessionOptions options : filters) {
            context.addFilter(new FilterHolder(new CloakroomFilter(options)), "/*", EnumSet.allOf(DispatcherType.class));
        }
        context.addServlet(new ServletHolder(servletFor(routes)), "/*");
        server.setHandler(context);
        server.start();
        return RunningServer.onLoopback(connector.getLocalPort(), server::stop);
    }

    /** The servlet that serves {@code routes}, for any container. */
    static HttpServlet servletFor(TestRoutes routes) {
        return new RoutesServlet(routes);
    }

    private static final class RoutesServlet extends HttpServlet {
        private final transient TestRoutes routes;

        RoutesServlet(TestRoutes routes) {
            this.routes = routes;
        }

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            ServletCall call = new ServletCall(request, response);
            try {
                routes.handlerFor(request.getRequestURI()).handle(call);
            } catch (RuntimeException | IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (call.body != null) {
                response.setContentType("text/plain; charset=utf-8");
                response.getWriter().write(call.body);
            }
        }
    }

    /** A {@link TestCall} over the request and response the filter handed on. */
    private static final class ServletCall implements TestCall {
        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private String body;

        ServletCall(HttpServletRequest request, HttpServletResponse response) {
            this.request = request;
            this.response = response;
        }

        @Override
        public String path() {
            return request.getRequestURI();
        }

        @Override
        public String query(String name) {
            return request.getParameter(name);
        }

        @Override
        public String header(String name) {
            return request.getHeader(name);
        }

        @Override
        public SessionContext sessions() {
            return CloakroomFilter.context(request);
        }

        @Override
        public void status(int code) {
            response.setStatus(code);
        }

        @Override
        public void addHeader(String name, String value) {
            response.addHeader(name, value);
        }

        @Override
        public void body(String text) {
            body = text;
        }
    }
}
