package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.Session;
import dev.cloakroom.SessionGoneException;
import dev.cloakroom.testkit.TestCall;
import dev.cloakroom.testkit.TestRoutes;
import dev.cloakroom.testkit.http.HttpCaller;
import dev.cloakroom.testkit.http.HttpResult;
import dev.cloakroom.testkit.http.SetCookie;
import dev.cloakroom.testkit.http.SignedCookies;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an attacker tries against the session cookie, over real HTTP: planting an id before the
 * victim logs in (fixation), replaying the cookie after logout, and racing two logins on one
 * session. The login routes are written as an application should write them: a new id at login
 * ({@code regenerate()}, or {@code changeId()} to keep the data), {@code destroy()} and
 * {@code clearCookie()} at logout.
 */
public abstract class AttackTests extends LifecycleTestBase {

    /** An id the attacker chose and signed; with the secret leaked or guessed, the signature is valid. */
    private static final String PLANTED = "PlantedByTheAttacker0123456789ab";

    /** The login, logout and who-am-I routes, each under {@code prefix}. */
    private static TestRoutes accountRoutes(String prefix) {
        return LifecycleRoutes.standard()
                .on(prefix + "/login", call -> {
                    Session s = call.sessions().session();
                    s.regenerate();
                    s.set("user", "victim");
                    call.body("logged in");
                })
                .on(prefix + "/login-keeping-data", call -> {
                    Session s = call.sessions().session();
                    s.changeId();
                    s.set("user", "victim");
                    call.body("logged in");
                })
                .on(prefix + "/whoami", call -> call.body(call.sessions().existing()
                        .flatMap(s -> s.get("user", String.class)).orElse("nobody")))
                .on(prefix + "/logout", call -> {
                    call.sessions().existing().ifPresent(Session::destroy);
                    call.sessions().clearCookie();
                    call.body("logged out");
                });
    }

    private HttpCaller accounts() {
        return start(options(), accountRoutes(""));
    }

    /** A cookie header naming {@code id}, signed with the test secret, as the attacker would plant it. */
    private static String planted(String id) {
        return NAME + "=" + SignedCookies.sign(id, SECRET);
    }

    @Nested
    class WhenAnIdIsPlantedBeforeLogin {

        @Test
        void anUnknownSignedIdIsNeverTheIdAfterLogin() {
            HttpCaller http = accounts();

            SetCookie after = http.post("/login").cookie(planted(PLANTED)).send().requireCookie(NAME);

            assertThat(idOf(after)).isNotEqualTo(PLANTED);
            assertThat(memory.ids()).containsExactly(idOf(after));
        }

        @Test
        void anUnknownSignedIdIsNeverAdoptedEvenWithoutLogin() {
            HttpCaller http = accounts();

            SetCookie issued = http.get("/set?k=a&v=1").cookie(planted(PLANTED)).send().requireCookie(NAME);

            assertThat(idOf(issued)).isNotEqualTo(PLANTED);
            assertThat(stored(PLANTED)).isEmpty();
        }

        @Test
        void anUnknownSignedIdSeesNothingOfTheVictimAfterLogin() {
            HttpCaller http = accounts();
            http.post("/login").cookie(planted(PLANTED)).send();

            HttpResult replay = http.get("/whoami").cookie(planted(PLANTED)).send();

            assertThat(replay.body()).isEqualTo("nobody");
            assertThat(stored(PLANTED)).isEmpty();
        }

        @Test
        void theAttackersOwnSessionIsNotTheIdAfterLoginAndIsDeadAfterwards() {
            HttpCaller http = accounts();
            SetCookie attackers = http.get("/set?k=a&v=1").send().requireCookie(NAME);

            SetCookie victims = http.post("/login").cookie(attackers).send().requireCookie(NAME);

            assertThat(idOf(victims)).isNotEqualTo(idOf(attackers));
            assertThat(stored(attackers)).isEmpty();
            assertThat(http.get("/whoami").cookie(attackers).send().body()).isEqualTo("nobody");
            assertThat(http.get("/whoami").cookie(victims).send().body()).isEqualTo("victim");
        }

        @Test
        void theAttackersOwnSessionIsDeadAfterALoginThatKeepsTheData() {
            HttpCaller http = accounts();
            SetCookie attackers = http.get("/set?k=a&v=1").send().requireCookie(NAME);

            SetCookie victims = http.post("/login-keeping-data").cookie(attackers).send().requireCookie(NAME);

            assertThat(idOf(victims)).isNotEqualTo(idOf(attackers));
            assertThat(stored(attackers)).isEmpty();
            assertThat(http.get("/whoami").cookie(attackers).send().body()).isEqualTo("nobody");
            assertThat(http.get("/get?k=a").cookie(attackers).send().body()).isEqualTo("-");
            assertThat(http.get("/whoami").cookie(victims).send().body()).isEqualTo("victim");
        }

        @Test
        void replayingTheAttackersSessionAfterLoginStartsNoSessionUnderItsId() {
            HttpCaller http = accounts();
            SetCookie attackers = http.get("/set?k=a&v=1").send().requireCookie(NAME);
            http.post("/login").cookie(attackers).send();

            HttpResult replay = http.get("/set?k=b&v=2").cookie(attackers).send();

            assertThat(idOf(replay.requireCookie(NAME))).isNotEqualTo(idOf(attackers));
            assertThat(stored(attackers)).isEmpty();
        }
    }

    @Nested
    class AfterLogout {

        @Test
        void theReplayedCookieIsNoSession() {
            HttpCaller http = accounts();
            SetCookie loggedIn = http.post("/login").send().requireCookie(NAME);
            http.post("/logout").cookie(loggedIn).send();

            HttpResult replay = http.get("/whoami").cookie(loggedIn).send();

            assertThat(replay.body()).isEqualTo("nobody");
            assertThat(replay.setCookies()).isEmpty();
            assertThat(stored(loggedIn)).isEmpty();
        }

        @Test
        void aReplayThatWritesGetsANewIdNotTheOldOne() {
            HttpCaller http = accounts();
            SetCookie loggedIn = http.post("/login").send().requireCookie(NAME);
            http.post("/logout").cookie(loggedIn).send();

            SetCookie fresh = http.get("/set?k=a&v=1").cookie(loggedIn).send().requireCookie(NAME);

            assertThat(idOf(fresh)).isNotEqualTo(idOf(loggedIn));
            assertThat(stored(loggedIn)).isEmpty();
        }

        @Test
        void theClearingCookieHasAPastExpiryAndTheSessionCookiesPathAndDomain() {
            HttpCaller http = start(options().cookie(c -> c.path("/shop").domain("shop.example.test")), accountRoutes("/shop"));
            SetCookie loggedIn = http.post("/shop/login").send().requireCookie(NAME);

            HttpResult logout = http.post("/shop/logout").cookie(loggedIn).send();

            SetCookie clearing = logout.requireCookie(NAME);
            assertThat(clearing.value()).isEmpty();
            assertThat(clearing.expires()).hasValueSatisfying(e -> assertThat(e).isBefore(Instant.now()));
            clearing.attribute("Max-Age").ifPresent(m -> assertThat(Long.parseLong(m)).as("Max-Age").isNotPositive());
            assertThat(clearing.attribute("Path")).isEqualTo(loggedIn.attribute("Path")).contains("/shop");
            assertThat(clearing.attribute("Domain")).isEqualTo(loggedIn.attribute("Domain")).contains("shop.example.test");
            assertThat(http.get("/shop/whoami").cookie(loggedIn).send().body()).isEqualTo("nobody");
        }
    }

    @Nested
    class WhenTwoLoginsRaceOnOneSession {

        @Test
        void twoRegeneratesLeaveExactlyOneLiveId() {
            assertOneSurvivor(false);
        }

        @Test
        void twoChangeIdsLeaveExactlyOneLiveId() {
            assertOneSurvivor(true);
        }

        @Test
        void theLoserThatDoesNotCatchTheFailureIsAnswered409WithoutACookie() {
            CyclicBarrier bothLoaded = new CyclicBarrier(2);
            HttpCaller http = start(options(), LifecycleRoutes.standard().on("/racing-login", call -> {
                Session s = call.sessions().session();
                s.get("a", String.class);
                awaitTheOther(bothLoaded);
                s.changeId();
                s.set("user", "victim");
                call.body("renewed");
            }));
            SetCookie old = http.get("/set?k=a&v=1").send().requireCookie(NAME);

            CompletableFuture<HttpResult> first = CompletableFuture.supplyAsync(() -> http.post("/racing-login").cookie(old).send());
            CompletableFuture<HttpResult> second = CompletableFuture.supplyAsync(() -> http.post("/racing-login").cookie(old).send());
            List<HttpResult> responses = List.of(first.join(), second.join());

            assertThat(responses).extracting(HttpResult::status).containsExactlyInAnyOrder(200, 409);
            HttpResult winner = responses.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
            HttpResult loser = responses.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
            assertThat(loser.cookie(NAME)).as("cookie sent to the loser").isEmpty();
            assertThat(loser.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            assertThat(loser.body()).isNotBlank().doesNotContain(idOf(old)).doesNotContain(old.value());
            String survivor = idOf(winner.requireCookie(NAME));
            assertThat(memory.ids()).as("live ids after the race").containsExactly(survivor);
            assertThat(http.get("/get?k=user").cookie(NAME + "=" + SignedCookies.sign(survivor, SECRET)).send().body())
                    .isEqualTo("victim");
        }

        /**
         * Both requests load the session before either renews it (a barrier in the handler makes
         * sure), so both hold the same old document when they race to replace its id.
         */
        private void assertOneSurvivor(boolean keepData) {
            CyclicBarrier bothLoaded = new CyclicBarrier(2);
            HttpCaller http = start(options(), LifecycleRoutes.standard().on("/racing-login", call -> {
                Session s = call.sessions().session();
                s.get("a", String.class);
                awaitTheOther(bothLoaded);
                renew(call, s, keepData);
            }));
            SetCookie old = http.get("/set?k=a&v=1").send().requireCookie(NAME);

            CompletableFuture<HttpResult> first = CompletableFuture.supplyAsync(() -> http.post("/racing-login").cookie(old).send());
            CompletableFuture<HttpResult> second = CompletableFuture.supplyAsync(() -> http.post("/racing-login").cookie(old).send());
            List<HttpResult> responses = List.of(first.join(), second.join());

            List<String> issued = responses.stream()
                    .flatMap(r -> r.cookie(NAME).stream())
                    .map(AttackTests::idOf)
                    .toList();
            assertThat(responses).extracting(HttpResult::body).containsExactlyInAnyOrder("renewed", "lost");
            assertThat(issued).as("ids sent to the two racing logins").hasSize(1).doesNotContain(idOf(old));
            assertThat(memory.ids()).as("live ids after the race").containsExactly(issued.get(0));
            assertThat(http.get("/get?k=user").cookie(old).send().body()).isEqualTo("-");
            assertThat(http.get("/get?k=user").cookie(NAME + "=" + SignedCookies.sign(issued.get(0), SECRET)).send().body())
                    .isEqualTo("victim");
        }

        private static void renew(TestCall call, Session s, boolean keepData) {
            try {
                if (keepData) {
                    s.changeId();
                } else {
                    s.regenerate();
                }
            } catch (SessionGoneException e) {
                call.status(409);
                call.body("lost");
                return;
            }
            s.set("user", "victim");
            call.body("renewed");
        }

        private static void awaitTheOther(CyclicBarrier barrier) {
            try {
                // A bound only so a harness that serves one request at a time fails instead of hanging.
                barrier.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("the two racing requests were not served at the same time", e);
            }
        }
    }
}
