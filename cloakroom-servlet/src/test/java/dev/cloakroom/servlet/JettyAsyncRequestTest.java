package dev.cloakroom.servlet;

import dev.cloakroom.SessionOptions;

import java.util.Map;

/** {@link AsyncRequestTests} on embedded Jetty 12. */
class JettyAsyncRequestTest extends AsyncRequestTests {

    @Override
    Started start(SessionOptions options, Map<String, Route> routes) throws Exception {
        JettyApp app = JettyApp.start(options, routes);
        return new Started(app.base(), app);
    }
}
