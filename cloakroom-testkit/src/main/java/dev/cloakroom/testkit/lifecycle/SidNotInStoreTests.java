package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.StoredSession;
import dev.cloakroom.testkit.http.HttpCaller;
import dev.cloakroom.testkit.http.HttpResult;
import dev.cloakroom.testkit.http.SetCookie;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When the cookie is correctly signed but names no stored session (the store lost it, or it was never saved). */
public abstract class SidNotInStoreTests extends LifecycleTestBase {

    private SetCookie forgottenCookie(HttpCaller http) {
        SetCookie cookie = http.get("/set?k=user&v=ann").send().requireCookie(NAME);
        memory.clear();
        return cookie;
    }

    @Test
    void startsANewSession() {
        HttpCaller http = start(options(), LifecycleRoutes.standard());
        SetCookie cookie = forgottenCookie(http);

        assertThat(http.get("/view").cookie(cookie).send().body()).isEqualTo("new");
    }

    @Test
    void issuesANewSid() {
        HttpCaller http = start(options(), LifecycleRoutes.standard());
        SetCookie cookie = forgottenCookie(http);

        HttpResult response = http.get("/set?k=user&v=bob").cookie(cookie).send();

        String newId = idOf(response.requireCookie(NAME));
        assertThat(newId).isNotEqualTo(idOf(cookie));
        assertThat(memory.ids()).containsExactly(newId);
    }

    @Test
    void asksTheStoreOnce() {
        HttpCaller http = start(options(), LifecycleRoutes.standard());
        SetCookie cookie = forgottenCookie(http);
        long gets = gets();

        http.get("/view").cookie(cookie).send();

        assertThat(gets()).isEqualTo(gets + 1);
    }

    /** Stored data that cannot be read (corrupt JSON, say) counts as no stored session: never a permanent error. */
    @Test
    void treatsUnreadableStoredDataAsNoSession() {
        HttpCaller http = start(options(), LifecycleRoutes.standard());
        SetCookie cookie = http.get("/set?k=user&v=ann").send().requireCookie(NAME);
        String id = idOf(cookie);
        memory.set(id, new StoredSession("{not json", stored(id).orElseThrow().expires()));

        HttpResult response = http.get("/view").cookie(cookie).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("new");
    }
}
