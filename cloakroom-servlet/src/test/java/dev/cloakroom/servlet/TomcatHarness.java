package dev.cloakroom.servlet;

import dev.cloakroom.SessionOptions;
import dev.cloakroom.testkit.AdapterHarness;
import dev.cloakroom.testkit.RunningServer;
import dev.cloakroom.testkit.TestRoutes;
import jakarta.servlet.DispatcherType;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

import java.nio.file.Files;

/** Embedded Tomcat 11 on a free loopback port, wired like {@link ServletHarness}. */
final class TomcatHarness implements AdapterHarness {

    @Override
    public RunningServer start(SessionOptions options, TestRoutes routes) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("cloakroom-tomcat").toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        FilterDef filter = new FilterDef();
        filter.setFilterName("cloakroom");
        filter.setFilter(new CloakroomFilter(options));
        context.addFilterDef(filter);
        FilterMap map = new FilterMap();
        map.setFilterName("cloakroom");
        map.addURLPattern("/*");
        for (DispatcherType type : DispatcherType.values()) {
            map.setDispatcher(type.name());
        }
        context.addFilterMap(map);
        Tomcat.addServlet(context, "routes", ServletHarness.servletFor(routes)).addMapping("/*");
        tomcat.start();
        return RunningServer.onLoopback(connector.getLocalPort(), () -> {
            tomcat.stop();
            tomcat.destroy();
        });
    }
}
