package dev.cloakroom.testkit.jdk;

import dev.cloakroom.testkit.AdapterHarness;
import dev.cloakroom.testkit.lifecycle.ProxyTests;

/** The proxy option against an exchange that plays a framework trusting forwarding headers. */
class JdkHttpServerBehindATrustedProxyTest extends ProxyTests {

    @Override
    protected AdapterHarness harness() {
        return new JdkHttpServerHarness(true);
    }

    @Override
    protected boolean frameworkTrustsForwardedProto() {
        return true;
    }
}
