package dev.cloakroom.servlet;

import dev.cloakroom.SessionOptions;
import dev.cloakroom.testkit.AdapterHarness;
import dev.cloakroom.testkit.RunningServer;
import dev.cloakroom.testkit.TestRoutes;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

/** Embedded Tomcat 11 on a free loopback port, wired like {@link ServletHarness}. */
final class TomcatHarness implements AdapterHarness {

    @Override
    public RunningServer start(SessionOptions options, TestRoutes routes) throws Exception {
        TomcatApp.Embedded embedded = TomcatApp.embedded(new CloakroomFilter(options));
        Tomcat tomcat = embedded.tomcat();
        Context context = embedded.context();
        Tomcat.addServlet(context, "routes", ServletHarness.servletFor(routes)).addMapping("/*");
        tomcat.start();
        return RunningServer.onLoopback(embedded.connector().getLocalPort(), () -> {
            tomcat.stop();
            tomcat.destroy();
        });
    }
}
