package dev.cloakroom.testkit.jdk;

import dev.cloakroom.testkit.AdapterHarness;
import dev.cloakroom.testkit.SessionLifecycleSuite;

/** The lifecycle suite against core alone, through the JDK's HTTP server. */
class JdkHttpServerLifecycleTest extends SessionLifecycleSuite {

    @Override
    protected AdapterHarness harness() {
        return new JdkHttpServerHarness();
    }
}
