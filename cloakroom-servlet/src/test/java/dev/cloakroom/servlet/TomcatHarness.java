package dev.cloakroom.servlet;

import dev.cloakroom.SessionOptions;
import dev.cloakroom.testkit.AdapterHarness;
import dev.cloakroom.testkit.RunningServer;
import dev.cloakroom.testkit.TestRoutes;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.RemoteIpValve;

/** Embedded Tomcat 11 on a free loopback port, wired like {@link ServletHarness}. */
final class TomcatHarness implements AdapterHarness {

    private final boolean trustsForwarding;

    TomcatHarness() {
        this(false);
    }

    /**
     * {@code trustsForwarding}: a {@link RemoteIpValve} trusting {@code X-Forwarded-Proto} from
     * 127.0.0.1, as Spring Boot's {@code server.forward-headers-strategy=native} installs it.
     */
    TomcatHarness(boolean trustsForwarding) {
        this.trustsForwarding = trustsForwarding;
    }

    @Override
    public RunningServer start(SessionOptions options, TestRoutes routes) throws Exception {
        return start("", routes, new CloakroomFilter(options));
    }

    /** The context's path; {@code getRequestURI()} still gives the full path. */
    @Override
    public RunningServer startMountedAt(String mountPath, SessionOptions options, TestRoutes routes) throws Exception {
        return start(mountPath, routes, new CloakroomFilter(options));
    }

    /** Two {@link CloakroomFilter}s mapped to {@code /*}, in this order. */
    @Override
    public RunningServer startRegisteredTwice(SessionOptions first, SessionOptions second, TestRoutes routes)
            throws Exception {
        return start("", routes, new CloakroomFilter(first), new CloakroomFilter(second));
    }

    private RunningServer start(String contextPath, TestRoutes routes, CloakroomFilter... filters) throws Exception {
        TomcatApp.Embedded embedded = TomcatApp.embedded(contextPath, filters);
        Tomcat tomcat = embedded.tomcat();
        Context context = embedded.context();
        Tomcat.addServlet(context, "routes", ServletHarness.servletFor(routes)).addMapping("/*");
        if (trustsForwarding) {
            RemoteIpValve valve = new RemoteIpValve();
            valve.setInternalProxies("127\\.0\\.0\\.1");
            valve.setProtocolHeader("X-Forwarded-Proto");
            tomcat.getEngine().getPipeline().addValve(valve);
        }
        tomcat.start();
        return RunningServer.onLoopback(embedded.connector().getLocalPort(), () -> {
            tomcat.stop();
            tomcat.destroy();
        });
    }
}
