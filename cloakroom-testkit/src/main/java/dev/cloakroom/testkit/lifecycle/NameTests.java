package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.testkit.http.HttpCaller;
import dev.cloakroom.testkit.http.HttpResult;
import dev.cloakroom.testkit.http.SetCookie;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The name option: the cookie's name, {@code connect.sid} unless set. */
public abstract class NameTests extends LifecycleTestBase {

    @Test
    void isConnectSidByDefault() {
        HttpResult response = start(options(), LifecycleRoutes.standard()).get("/set?k=a&v=1").send();

        assertThat(response.cookies()).extracting(SetCookie::name).containsExactly("connect.sid");
    }

    @Test
    void namesTheCookie() {
        HttpResult response = start(options().name("sessionid"), LifecycleRoutes.standard()).get("/set?k=a&v=1").send();

        assertThat(response.cookies()).extracting(SetCookie::name).containsExactly("sessionid");
    }

    @Test
    void loadsTheSessionFromTheNamedCookie() {
        HttpCaller http = start(options().name("sessionid"), LifecycleRoutes.standard());
        SetCookie cookie = http.get("/set?k=user&v=ann").send().requireCookie("sessionid");

        assertThat(http.get("/get?k=user").cookie(cookie).send().body()).isEqualTo("ann");
    }

    @Test
    void ignoresACookieOfAnotherName() {
        HttpCaller http = start(options().name("sessionid"), LifecycleRoutes.standard());
        SetCookie cookie = http.get("/set?k=user&v=ann").send().requireCookie("sessionid");
        long gets = gets();

        HttpResult response = http.get("/get?k=user").cookie("connect.sid=" + cookie.value()).send();

        assertThat(response.body()).isEqualTo("-");
        assertThat(gets()).isEqualTo(gets);
    }
}
