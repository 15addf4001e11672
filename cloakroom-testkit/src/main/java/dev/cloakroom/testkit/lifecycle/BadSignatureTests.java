package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.testkit.http.HttpCaller;
import dev.cloakroom.testkit.http.HttpResult;
import dev.cloakroom.testkit.http.SignedCookies;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When the sid is not properly signed: a cookie signed with a secret the server does not hold. */
public abstract class BadSignatureTests extends LifecycleTestBase {

    /** A session that exists in the store, presented with a signature made by the wrong secret. */
    private String wronglySignedCookie(HttpCaller http) {
        String id = idOf(http.get("/set?k=user&v=ann").send().requireCookie(NAME));
        return NAME + "=" + SignedCookies.sign(id, "not the secret");
    }

    @Test
    void startsANewSession() {
        HttpCaller http = start(options(), LifecycleRoutes.standard());
        String cookie = wronglySignedCookie(http);

        HttpResult response = http.get("/get?k=user").cookie(cookie).send();

        assertThat(response.body()).isEqualTo("-");
    }

    @Test
    void doesNotAskTheStore() {
        HttpCaller http = start(options(), LifecycleRoutes.standard());
        String cookie = wronglySignedCookie(http);
        long gets = gets();

        http.get("/view").cookie(cookie).send();

        assertThat(gets()).isEqualTo(gets);
    }

    @Test
    void issuesADifferentSid() {
        HttpCaller http = start(options(), LifecycleRoutes.standard());
        String cookie = wronglySignedCookie(http);
        String plantedId = SignedCookies.idOf(cookie.substring(NAME.length() + 1));

        HttpResult response = http.get("/set?k=user&v=bob").cookie(cookie).send();

        assertThat(idOf(response.requireCookie(NAME))).isNotEqualTo(plantedId);
    }
}
