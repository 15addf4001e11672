package dev.cloakroom.servlet;

import dev.cloakroom.testkit.AdapterHarness;
import dev.cloakroom.testkit.NoSessionIdInLogs;
import dev.cloakroom.testkit.lifecycle.ProxyTests;
import org.junit.jupiter.api.extension.ExtendWith;

/** The proxy option on Tomcat told to trust forwarding headers: proxy(false) and proxy(true) must not take its answer. */
@ExtendWith(NoSessionIdInLogs.class)
class TomcatBehindATrustedProxyTest extends ProxyTests {

    @Override
    protected AdapterHarness harness() {
        return new TomcatHarness(true);
    }

    @Override
    protected boolean frameworkTrustsForwardedProto() {
        return true;
    }
}
