package dev.cloakroom.javalin;

import dev.cloakroom.testkit.AdapterHarness;
import dev.cloakroom.testkit.SessionLifecycleSuite;

/** The shared express-session lifecycle, over real HTTP against Javalin with {@link CloakroomPlugin}. */
class JavalinLifecycleTest extends SessionLifecycleSuite {

    @Override
    protected AdapterHarness harness() {
        return new JavalinHarness();
    }
}
