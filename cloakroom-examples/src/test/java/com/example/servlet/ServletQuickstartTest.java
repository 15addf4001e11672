package com.example.servlet;

import com.example.LoginScenario;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.net.URI;

/** The Servlet quickstart on embedded Jetty, started as its main method would, but on a free port. */
class ServletQuickstartTest extends LoginScenario {

    private Server server;

    @BeforeEach
    void start() throws Exception {
        server = ServletQuickstart.create(0, "a test secret");
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Override
    protected URI base() {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    }
}
