package com.example.javalin;

import com.example.LoginScenario;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.net.URI;

/** The Javalin quickstart, started as its main method would, but on a free port. */
class JavalinQuickstartTest extends LoginScenario {

    private Javalin app;

    @BeforeEach
    void start() {
        app = JavalinQuickstart.create("a test secret").start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Override
    protected URI base() {
        return URI.create("http://127.0.0.1:" + app.port());
    }
}
