package dev.cloakroom.servlet;

import dev.cloakroom.SessionOptions;

import java.util.List;
import java.util.Map;

/** {@link AsyncRequestTests} on embedded Tomcat 11, which Spring Boot runs by default. */
class TomcatAsyncRequestTest extends AsyncRequestTests {

    @Override
    Started start(SessionOptions options, Map<String, Route> routes) throws Exception {
        TomcatApp app = TomcatApp.start(options, List.of(), routes);
        return new Started(app.base(), app);
    }
}
