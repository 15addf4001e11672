package dev.cloakroom.servlet;

import dev.cloakroom.testkit.AdapterHarness;
import dev.cloakroom.testkit.SessionLifecycleSuite;

/** The lifecycle every adapter passes, run on embedded Tomcat 11 through {@link CloakroomFilter}. */
class TomcatLifecycleTest extends SessionLifecycleSuite {

    @Override
    protected AdapterHarness harness() {
        return new TomcatHarness();
    }
}
