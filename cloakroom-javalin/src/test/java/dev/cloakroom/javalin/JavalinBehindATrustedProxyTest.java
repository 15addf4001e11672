package dev.cloakroom.javalin;

import dev.cloakroom.testkit.AdapterHarness;
import dev.cloakroom.testkit.lifecycle.ProxyTests;

/** The proxy option on Javalin told to trust forwarding headers: proxy(false) and proxy(true) must not take its answer. */
class JavalinBehindATrustedProxyTest extends ProxyTests {

    @Override
    protected AdapterHarness harness() {
        return new JavalinHarness(true);
    }

    @Override
    protected boolean frameworkTrustsForwardedProto() {
        return true;
    }
}
