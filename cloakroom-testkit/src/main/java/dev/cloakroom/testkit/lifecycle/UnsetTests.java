package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.UnsetAction;
import dev.cloakroom.testkit.http.HttpCaller;
import dev.cloakroom.testkit.http.HttpResult;
import dev.cloakroom.testkit.http.SetCookie;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The unset option: what happens to the stored session when a handler drops it from the request. */
public abstract class UnsetTests extends LifecycleTestBase {

    private record Unset(SetCookie cookie, HttpResult response) {
    }

    /** Creates a session, then drops it in a second request. */
    private Unset unsetWith(UnsetAction action) {
        HttpCaller http = start(options().unset(action), LifecycleRoutes.standard());
        SetCookie cookie = http.get("/set?k=a&v=1").send().requireCookie(NAME);
        return new Unset(cookie, http.get("/unset").cookie(cookie).send());
    }

    @Nested
    class WhenKeep {

        @Test
        void leavesTheStoredSession() {
            Unset unset = unsetWith(UnsetAction.KEEP);

            assertThat(stored(unset.cookie())).isPresent();
            assertThat(destroys()).isZero();
        }

        @Test
        void sendsNoCookie() {
            assertThat(unsetWith(UnsetAction.KEEP).response().setCookies()).isEmpty();
        }
    }

    @Nested
    class WhenDestroy {

        @Test
        void deletesTheStoredSession() {
            Unset unset = unsetWith(UnsetAction.DESTROY);

            assertThat(stored(unset.cookie())).isEmpty();
            assertThat(destroys()).isEqualTo(1);
        }

        @Test
        void sendsNoCookie() {
            assertThat(unsetWith(UnsetAction.DESTROY).response().setCookies()).isEmpty();
        }

        @Test
        void answersNormallyForASessionThatWasNeverStored() {
            HttpResult response = start(options().unset(UnsetAction.DESTROY), LifecycleRoutes.standard()).get("/unset").send();

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("unset");
            assertThat(response.setCookies()).isEmpty();
            assertThat(memory.length()).isZero();
        }
    }
}
