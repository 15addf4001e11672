package dev.cloakroom.javalin;

import dev.cloakroom.testkit.AdapterHarness;
import dev.cloakroom.testkit.NoSessionIdInLogs;
import dev.cloakroom.testkit.lifecycle.ProxyTests;
import org.junit.jupiter.api.extension.ExtendWith;

/** The proxy option on Javalin told to trust forwarding headers: proxy(false) and proxy(true) must not take its answer. */
@ExtendWith(NoSessionIdInLogs.class)
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
