package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.testkit.http.HttpCaller;
import dev.cloakroom.testkit.http.HttpResult;
import dev.cloakroom.testkit.http.SetCookie;
import dev.cloakroom.testkit.http.SignedCookies;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A list of secrets, for rotation: the first signs, every one verifies. Servers here share one store. */
public abstract class SecretListTests extends LifecycleTestBase {

    private HttpCaller server(String... secrets) {
        return start(options().secrets(secrets), LifecycleRoutes.standard());
    }

    @Test
    void signsWithTheFirstSecret() {
        SetCookie cookie = server("new secret", "old secret").get("/set?k=a&v=1").send().requireCookie(NAME);

        assertThat(cookie.value()).isEqualTo(SignedCookies.sign(idOf(cookie), "new secret"));
    }

    @Test
    void aServerWithOnlyTheFirstSecretReadsTheCookie() {
        SetCookie cookie = server("new secret", "old secret").get("/set?k=user&v=ann").send().requireCookie(NAME);

        assertThat(server("new secret").get("/get?k=user").cookie(cookie).send().body()).isEqualTo("ann");
    }

    @Test
    void aServerWithOnlyTheSecondSecretCannotReadTheCookie() {
        SetCookie cookie = server("new secret", "old secret").get("/set?k=user&v=ann").send().requireCookie(NAME);
        long gets = gets();

        HttpResult response = server("old secret").get("/get?k=user").cookie(cookie).send();

        assertThat(response.body()).isEqualTo("-");
        assertThat(gets()).isEqualTo(gets);
    }

    @Test
    void everySecretVerifies() {
        SetCookie cookie = server("old secret").get("/set?k=user&v=ann").send().requireCookie(NAME);

        assertThat(server("new secret", "old secret").get("/get?k=user").cookie(cookie).send().body()).isEqualTo("ann");
    }
}
