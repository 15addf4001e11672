package dev.cloakroom.testkit.jdk;

import dev.cloakroom.testkit.AdapterHarness;
import dev.cloakroom.testkit.NoSessionIdInLogs;
import dev.cloakroom.testkit.lifecycle.ProxyTests;
import org.junit.jupiter.api.extension.ExtendWith;

/** The proxy option against an exchange that plays a framework trusting forwarding headers. */
@ExtendWith(NoSessionIdInLogs.class)
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
