package dev.cloakroom.lifecycle;

import dev.cloakroom.Priority;
import dev.cloakroom.SameSite;
import dev.cloakroom.SessionCookie;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A handler changes its session's cookie attributes, as {@code req.session.cookie.httpOnly = false}
 * does in express: the change is stored with the session and used for its cookie from then on.
 */
@ExtendWith(NoSessionIdInLogs.class)
class HandlerCookieTest extends LifecycleFixture {

    private void refuses(Consumer<SessionCookie> change, String message) {
        withSession(null, s -> assertThatThrownBy(() -> change.accept(s.cookie()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message));
    }

    @Nested
    class WhenAStoredSessionsCookieChanges {

        @Test
        void itIsSavedAndTheCookieSentWithTheNewAttributes() {
            String id = seed(s -> s.set("user", "ada"));

            Response r = withSession(cookieFor(id), s -> s.cookie().httpOnly(false).path("/app").domain("example.test")
                    .priority(Priority.HIGH).sameSite(SameSite.STRICT));

            assertThat(r.setCookies()).containsExactly(cookieFor(id)
                    + "; Domain=example.test; Path=/app; Priority=High; SameSite=Strict");
            assertThat(store.sets.get()).isOne();
            assertThat(storedJson(id).orElseThrow()).contains("\"priority\":\"high\"", "\"httpOnly\":false",
                    "\"domain\":\"example.test\"", "\"path\":\"/app\"", "\"sameSite\":\"strict\"");
        }

        @Test
        void laterRequestsUseTheStoredAttributesNotTheOptions() {
            configure(b -> b.rolling(true));
            String id = seed(s -> s.set("user", "ada"));
            withSession(cookieFor(id), s -> s.cookie().sameSite(null).priority(Priority.LOW));

            Response r = withSession(cookieFor(id), s -> s.set("n", 1));

            assertThat(r.setCookies()).containsExactly(cookieFor(id) + "; Path=/; HttpOnly; Priority=Low");
        }

        @Test
        void secureAndPartitionedAreSentOverHttps() {
            String id = seed(s -> s.set("user", "ada"));

            Response r = request(TestExchange.to("/").cookie(cookieFor(id)).secure(),
                    c -> c.session().cookie().secure(true).partitioned(true).sameSite(SameSite.NONE));

            assertThat(r.setCookies()).containsExactly(cookieFor(id) + "; Path=/; HttpOnly; Secure; Partitioned; SameSite=None");
            assertThat(storedJson(id).orElseThrow()).contains("\"partitioned\":true", "\"secure\":true", "\"sameSite\":\"none\"");
        }

        @Test
        void settingWhatItAlreadyHoldsIsNoChange() {
            String id = seed(s -> s.set("user", "ada"));

            Response r = withSession(cookieFor(id), s -> s.cookie().httpOnly(true).path("/").sameSite(SameSite.LAX));

            assertThat(r.setCookies()).isEmpty();
            assertThat(store.sets.get()).isZero();
        }
    }

    @Nested
    class WhenANewSessionsCookieChanges {

        @Test
        void itIsStillNotSavedWhileNothingWasPutInIt() {
            Response r = withSession(null, s -> s.cookie().httpOnly(false));

            assertThat(r.setCookies()).isEmpty();
            assertThat(store.sets.get()).isZero();
        }

        @Test
        void theFirstCookieCarriesTheChange() {
            Response r = withSession(null, s -> s.set("user", "ada").cookie().httpOnly(false));

            assertThat(r.setCookies()).singleElement().satisfies(h -> assertThat(h).endsWith("; Path=/; SameSite=Lax"));
        }
    }

    @Nested
    class WhenTheValueIsOneBrowsersReject {

        @Test
        void aPathNotStartingWithASlashIsRefused() {
            refuses(c -> c.path("app"), "cookie.path must start with '/', got 'app'");
            refuses(c -> c.path("/a;Domain=evil.test"), "cookie.path must not contain ';' or control characters");
        }

        @Test
        void aDomainThatCouldBreakTheHeaderIsRefused() {
            refuses(c -> c.domain("a.test; Secure"), "cookie.domain must be a host name without ';', spaces or control characters");
            refuses(c -> c.domain(""), "cookie.domain must be a host name without ';', spaces or control characters");
        }

        @Test
        void sameSiteAutoIsRefused() {
            refuses(c -> c.sameSite(SameSite.AUTO), "cookie.sameSite AUTO is decided when a session starts; give STRICT,"
                    + " LAX or NONE, or null to leave the attribute out");
        }

        @Test
        void sameSiteNoneAndPartitionedNeedSecureFirst() {
            refuses(c -> c.sameSite(SameSite.NONE), "cookie.sameSite NONE needs cookie.secure: browsers drop SameSite=None"
                    + " cookies without Secure. Call secure(true) first");
            refuses(c -> c.partitioned(true), "cookie.partitioned needs cookie.secure: browsers drop Partitioned cookies"
                    + " without Secure. Call secure(true) first");
            refuses(c -> c.secure(true).sameSite(SameSite.NONE).secure(false), "cookie.secure cannot be turned off while"
                    + " cookie.sameSite is NONE: browsers drop SameSite=None cookies without Secure. Change sameSite first");
            refuses(c -> c.secure(true).partitioned(true).secure(false), "cookie.secure cannot be turned off while"
                    + " cookie.partitioned is set: browsers drop Partitioned cookies without Secure. Call partitioned(false) first");
        }

        @Test
        void aRefusedValueChangesNothing() {
            withSession(null, s -> {
                assertThatThrownBy(() -> s.cookie().path("nope")).isInstanceOf(IllegalArgumentException.class);
                assertThat(s.cookie().path()).isEqualTo("/");
            });
        }
    }

    @Nested
    class WhenNodeStoredSecureAsAuto {

        private static final String STORED = "{\"cookie\":{\"originalMaxAge\":null,\"expires\":null,\"secure\":\"auto\","
                + "\"httpOnly\":true,\"path\":\"/\"},\"user\":\"ada\"}";

        @Test
        void itIsSecureAsForNode() {
            storeRaw("node-made-id", STORED);
            boolean[] secure = new boolean[1];
            withSession(cookieFor("node-made-id"), s -> secure[0] = s.cookie().secure());
            assertThat(secure[0]).isTrue();
        }

        @Test
        void aSaveWritesItBackAsTrue() {
            storeRaw("node-made-id", STORED);
            withSession(cookieFor("node-made-id"), s -> s.set("visits", 1));
            assertThat(storedJson("node-made-id")).hasValueSatisfying(json -> assertThat(json)
                    .contains("\"secure\":true").doesNotContain("auto").contains("\"visits\":1"));
        }
    }
}
