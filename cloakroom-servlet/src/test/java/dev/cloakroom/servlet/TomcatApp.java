package dev.cloakroom.servlet;

import dev.cloakroom.SessionOptions;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.ErrorPage;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.EventListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Embedded Tomcat 11 on a free loopback port, wired as Spring Boot wires it: the filter for
 * {@code /*} and every dispatch type, one servlet routing by path, both async-capable, and {@code /error} as the
 * error page for every status and exception, rendered in an ERROR dispatch after the chain returns.
 */
final class TomcatApp implements AutoCloseable {

    private final Tomcat tomcat;
    private final URI base;

    private TomcatApp(Tomcat tomcat, URI base) {
        this.tomcat = tomcat;
        this.base = base;
    }

    static TomcatApp start(SessionOptions options, List<? extends EventListener> listeners, Map<String, Route> routes)
            throws Exception {
        Map<String, Route> table = new LinkedHashMap<>(routes);
        Embedded embedded = embedded(new CloakroomFilter(options, listeners));
        Tomcat tomcat = embedded.tomcat();
        Context context = embedded.context();
        ErrorPage errors = new ErrorPage();
        errors.setLocation("/error");
        context.addErrorPage(errors);
        Wrapper servlet = Tomcat.addServlet(context, "routes", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                String path = switch (request.getDispatcherType()) {
                    case ERROR -> "/error";
                    case INCLUDE -> (String) request.getAttribute(RequestDispatcher.INCLUDE_PATH_INFO);
                    default -> request.getPathInfo();
                };
                Route route = table.get(path);
                if (route == null) {
                    response.sendError(404);
                    return;
                }
                try {
                    route.handle(request, response);
                } catch (RuntimeException | IOException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        servlet.setAsyncSupported(true);
        servlet.addMapping("/*");
        tomcat.start();
        return new TomcatApp(tomcat, URI.create("http://127.0.0.1:" + embedded.connector().getLocalPort()));
    }

    /** A Tomcat on a free loopback port with one context and {@code filter} for {@code /*} and every dispatch type. */
    record Embedded(Tomcat tomcat, Connector connector, Context context) {
    }

    static Embedded embedded(CloakroomFilter filter) throws IOException {
        return embedded("", filter);
    }

    /**
     * As {@link #embedded(CloakroomFilter)}, with the context at {@code contextPath} ({@code ""}
     * for the root) and each filter mapped in turn, the first running first.
     */
    static Embedded embedded(String contextPath, CloakroomFilter... filters) throws IOException {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("cloakroom-tomcat").toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext(contextPath, null);
        for (int i = 0; i < filters.length; i++) {
            String name = i == 0 ? "cloakroom" : "cloakroom-" + (i + 1);
            FilterDef def = new FilterDef();
            def.setFilterName(name);
            def.setFilter(filters[i]);
            def.setAsyncSupported("true");
            context.addFilterDef(def);
            FilterMap map = new FilterMap();
            map.setFilterName(name);
            map.addURLPattern("/*");
            for (DispatcherType type : DispatcherType.values()) {
                map.setDispatcher(type.name());
            }
            context.addFilterMap(map);
        }
        return new Embedded(tomcat, connector, context);
    }

    URI base() {
        return base;
    }

    @Override
    public void close() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }
}
