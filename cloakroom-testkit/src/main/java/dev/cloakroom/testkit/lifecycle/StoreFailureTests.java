package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.UnsetAction;
import dev.cloakroom.testkit.InstrumentedStore;
import dev.cloakroom.testkit.Leaks;
import dev.cloakroom.testkit.http.HttpCaller;
import dev.cloakroom.testkit.http.HttpResult;
import dev.cloakroom.testkit.http.SetCookie;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the store fails: the request answers 503 at once, nothing leaks the session id (a live
 * credential) into the body or the console log, and the app recovers when the store returns. The
 * failing store names the id in its exception and that exception's cause, so a leak would show;
 * the log must hold exactly one WARN line naming the session's fingerprint, so a capture that saw
 * nothing cannot pass.
 */
public abstract class StoreFailureTests extends LifecycleTestBase {

    /** A recognizable id, so a leak of a session that was never sent to the client can be spotted. */
    private static final String KNOWN_ID = "Fa1lingStoreSessionId0123456789x";

    private HttpCaller server() {
        return start(options().genid(request -> KNOWN_ID), LifecycleRoutes.standard());
    }

    @Test
    void answers503WhenLoadingFails() {
        HttpCaller http = server();
        SetCookie cookie = http.get("/set?k=a&v=1").send().requireCookie(NAME);
        store.failEveryCall(true);

        assertThat(http.get("/view").cookie(cookie).send().status()).isEqualTo(503);
    }

    @Test
    void answers503WhenSavingFails() {
        HttpCaller http = server();
        store.failEveryCall(true);

        HttpResult response = http.get("/set?k=a&v=1").send();

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.cookie(NAME)).isEmpty();
    }

    @Test
    void keepsTheIdOutOfTheBodyAndTheLogWhenLoadingFails() {
        HttpCaller http = server();
        SetCookie cookie = http.get("/set?k=a&v=1").send().requireCookie(NAME);
        store.failEveryCall(true);

        HttpResult response;
        String log;
        try (CapturedOutput output = new CapturedOutput()) {
            response = http.get("/view").cookie(cookie).send();
            log = output.text();
        }

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.body()).doesNotContain(KNOWN_ID).doesNotContain(cookie.value());
        assertThat(log).doesNotContain(cookie.value());
        Leaks.assertOneWarnByFingerprint(log, KNOWN_ID);
    }

    @Test
    void keepsTheIdOutOfTheBodyAndTheLogWhenSavingFails() {
        HttpCaller http = server();
        store.failEveryCall(true);

        HttpResult response;
        String log;
        try (CapturedOutput output = new CapturedOutput()) {
            response = http.get("/set?k=a&v=1").send();
            log = output.text();
        }

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.body()).doesNotContain(KNOWN_ID);
        assertThat(String.join("\n", response.setCookies())).doesNotContain(KNOWN_ID);
        Leaks.assertOneWarnByFingerprint(log, KNOWN_ID);
    }

    @Test
    void answers503WhenTouchingFails() {
        HttpCaller http = start(options().resave(false), LifecycleRoutes.standard());
        SetCookie cookie = http.get("/set?k=a&v=1").send().requireCookie(NAME);
        store.failOnly(InstrumentedStore.Operation.TOUCH);

        HttpResult response = http.get("/view").cookie(cookie).send();

        assertThat(touches()).isEqualTo(1);
        assertThat(response.status()).isEqualTo(503);
    }

    @Test
    void answers503WhenDestroyingFails() {
        HttpCaller http = server();
        SetCookie cookie = http.get("/set?k=a&v=1").send().requireCookie(NAME);
        store.failOnly(InstrumentedStore.Operation.DESTROY);

        HttpResult response = http.get("/destroy").cookie(cookie).send();

        assertThat(response.status()).isEqualTo(503);
        assertThat(stored(cookie)).isPresent();
    }

    @Test
    void answers503WhenTheDestroyOfAnUnsetSessionFails() {
        HttpCaller http = start(options().unset(UnsetAction.DESTROY), LifecycleRoutes.standard());
        SetCookie cookie = http.get("/set?k=a&v=1").send().requireCookie(NAME);
        store.failOnly(InstrumentedStore.Operation.DESTROY);

        HttpResult response = http.get("/unset").cookie(cookie).send();

        assertThat(destroys()).isEqualTo(1);
        assertThat(response.status()).isEqualTo(503);
    }

    @Test
    void servesRequestsThatNeverAskForTheSession() {
        HttpCaller http = server();
        SetCookie cookie = http.get("/set?k=a&v=1").send().requireCookie(NAME);
        store.failEveryCall(true);

        HttpResult response = http.get("/none").cookie(cookie).send();

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void recoversWhenTheStoreReturns() {
        HttpCaller http = server();
        SetCookie cookie = http.get("/set?k=a&v=1").send().requireCookie(NAME);
        store.failEveryCall(true);
        http.get("/view").cookie(cookie).send();
        store.failEveryCall(false);

        HttpResult response = http.get("/get?k=a").cookie(cookie).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("1");
    }
}
