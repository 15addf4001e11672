package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.StoredSession;
import dev.cloakroom.testkit.http.HttpCaller;
import dev.cloakroom.testkit.http.HttpResult;
import dev.cloakroom.testkit.http.SetCookie;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the session expired in the store. Instead of sleeping past a short max age, the test
 * rewrites the stored entry with an expiry in the past, which is what the store sees once the
 * time has come.
 */
public abstract class ExpiredSessionTests extends LifecycleTestBase {

    private SetCookie expiredCookie(HttpCaller http) {
        SetCookie cookie = http.get("/set?k=user&v=ann").send().requireCookie(NAME);
        String id = idOf(cookie);
        StoredSession live = stored(id).orElseThrow();
        memory.set(id, new StoredSession(live.json(), Instant.now().minusSeconds(1)));
        return cookie;
    }

    private HttpCaller server() {
        return start(options().cookie(c -> c.maxAge(Duration.ofDays(1))), LifecycleRoutes.standard());
    }

    @Test
    void startsANewSession() {
        HttpCaller http = server();
        SetCookie cookie = expiredCookie(http);

        assertThat(http.get("/get?k=user").cookie(cookie).send().body()).isEqualTo("-");
    }

    @Test
    void issuesANewSid() {
        HttpCaller http = server();
        SetCookie cookie = expiredCookie(http);

        HttpResult response = http.get("/set?k=user&v=bob").cookie(cookie).send();

        assertThat(idOf(response.requireCookie(NAME))).isNotEqualTo(idOf(cookie));
    }

    @Test
    void leavesNoStoredEntryForTheOldSid() {
        HttpCaller http = server();
        SetCookie cookie = expiredCookie(http);

        http.get("/set?k=user&v=bob").cookie(cookie).send();

        assertThat(memory.ids()).doesNotContain(idOf(cookie)).hasSize(1);
    }
}
