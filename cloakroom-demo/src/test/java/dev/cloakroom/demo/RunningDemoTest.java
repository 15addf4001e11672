package dev.cloakroom.demo;

import dev.cloakroom.testkit.NoSessionIdInLogs;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A test class whose tests all talk to one demo, started with the subclass's flags before the
 * first test and stopped after the last. Each test opens its own {@link DemoServer#browser()}, so
 * sharing the server shares no session.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(NoSessionIdInLogs.class)
abstract class RunningDemoTest {

    private final String[] flags;
    DemoServer server;

    RunningDemoTest(String... flags) {
        this.flags = flags;
    }

    @BeforeAll
    final void startDemo() {
        server = DemoServer.start(flags);
    }

    @AfterAll
    final void stopDemo() {
        if (server != null) {
            server.close();
        }
    }
}
