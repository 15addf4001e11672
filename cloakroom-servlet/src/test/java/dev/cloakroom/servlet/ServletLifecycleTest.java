package dev.cloakroom.servlet;

import dev.cloakroom.testkit.AdapterHarness;
import dev.cloakroom.testkit.SessionLifecycleSuite;

/** The lifecycle every adapter passes, run on embedded Jetty 12 through {@link CloakroomFilter}. */
class ServletLifecycleTest extends SessionLifecycleSuite {

    @Override
    protected AdapterHarness harness() {
        return new ServletHarness();
    }
}
