package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.testkit.http.HttpCaller;
import dev.cloakroom.testkit.http.HttpResult;
import dev.cloakroom.testkit.http.SetCookie;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session layer registered twice, the second time under another cookie name. As in
 * express-session, where a request that already has {@code req.session} passes the middleware
 * untouched, the second registration stays inert: one session, one cookie, one store read and
 * one write per request, all from the first.
 */
public abstract class RegisteredTwiceTests extends LifecycleTestBase {

    private HttpCaller server() {
        return startRegisteredTwice(options(), options().name("second.sid"), LifecycleRoutes.standard());
    }

    @Test
    void sendsOnlyTheFirstRegistrationsCookie() {
        HttpResult response = server().get("/set?k=a&v=1").send();

        assertThat(response.setCookies()).hasSize(1);
        assertThat(response.requireCookie(NAME).value()).isNotEmpty();
        assertThat(memory.length()).isEqualTo(1);
        assertThat(sets()).isEqualTo(1);
    }

    @Test
    void readsAndWritesTheStoreOncePerRequest() {
        HttpCaller http = server();
        SetCookie cookie = http.get("/count").send().requireCookie(NAME);
        store.resetCounts();

        HttpResult response = http.get("/count").cookie(cookie).send();

        assertThat(response.body()).isEqualTo("2");
        assertThat(response.setCookies()).isEmpty();
        assertThat(gets()).isEqualTo(1);
        assertThat(sets()).isEqualTo(1);
    }
}
