package dev.cloakroom.testkit.lifecycle;

import tools.jackson.core.type.TypeReference;
import dev.cloakroom.Session;
import dev.cloakroom.StoredSession;
import dev.cloakroom.testkit.http.HttpCaller;
import dev.cloakroom.testkit.http.HttpResult;
import dev.cloakroom.testkit.http.SetCookie;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** When the response ends: the save has finished before the client sees a byte, and nothing the app wrote is lost. */
public abstract class ResponseEndTests extends LifecycleTestBase {

    /** Long enough that a save racing the response would lose; the assertion itself waits for nothing. */
    private static final Duration SLOW_SAVE = Duration.ofMillis(300);

    @Test
    void theStoreHoldsTheSessionWhenTheClientHasTheResponse() {
        store.delaySets(SLOW_SAVE);
        HttpCaller http = start(options(), LifecycleRoutes.standard());

        HttpResult response = http.get("/set?k=user&v=ann").send();

        SetCookie cookie = response.requireCookie(NAME);
        assertThat(stored(cookie)).map(StoredSession::json).hasValueSatisfying(json -> assertThat(json).contains("\"user\":\"ann\""));
    }

    @Test
    void aRedirectWithAnEmptyBodyLeavesOnlyAfterTheSave() {
        store.delaySets(SLOW_SAVE);
        HttpCaller http = start(options(), LifecycleRoutes.standard().on("/login", call -> {
            call.sessions().session().set("user", "ann");
            call.status(302);
            call.addHeader("Location", "/dashboard");
        }));

        HttpResult response = http.post("/login").send();

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.body()).isEmpty();
        assertThat(stored(response.requireCookie(NAME))).isPresent();
    }

    @Test
    void aChangeToALoadedSessionIsStoredWhenTheClientHasTheResponse() {
        HttpCaller http = start(options(), LifecycleRoutes.standard());
        SetCookie cookie = http.get("/set?k=user&v=ann").send().requireCookie(NAME);
        store.delaySets(SLOW_SAVE);

        http.get("/set?k=user&v=bob").cookie(cookie).send();

        assertThat(stored(cookie)).map(StoredSession::json).hasValueSatisfying(json -> assertThat(json).contains("\"user\":\"bob\""));
    }

    @Test
    void keepsTheSetCookieHeadersTheApplicationWrote() {
        HttpCaller http = start(options(), LifecycleRoutes.standard().on("/cookies", call -> {
            call.addHeader("Set-Cookie", "previous=cookieValue");
            call.sessions().session().set("user", "ann");
            call.addHeader("Set-Cookie", "later=1; Path=/");
            call.body("ok");
        }));

        HttpResult response = http.get("/cookies").send();

        assertThat(response.setCookies()).contains("previous=cookieValue", "later=1; Path=/").hasSize(3);
        assertThat(response.cookie(NAME)).isPresent();
    }

    @Test
    void createsASessionForARequestWithoutACookie() {
        HttpCaller http = start(options(), LifecycleRoutes.standard());

        HttpResult response = http.get("/set?k=user&v=ann").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(stored(response.requireCookie(NAME))).isPresent();
    }

    @Test
    void givesTwoRequestsWithoutACookieTwoSessions() {
        HttpCaller http = start(options(), LifecycleRoutes.standard());

        String first = idOf(http.get("/set?k=a&v=1").send().requireCookie(NAME));
        String second = idOf(http.get("/set?k=a&v=1").send().requireCookie(NAME));

        assertThat(first).isNotEqualTo(second);
        assertThat(memory.ids()).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void loadsTheStoredSessionNamedByAValidCookie() {
        HttpCaller http = start(options(), LifecycleRoutes.standard());
        SetCookie cookie = http.get("/set?k=user&v=ann").send().requireCookie(NAME);

        assertThat(http.get("/get?k=user").cookie(cookie).send().body()).isEqualTo("ann");
    }

    @Test
    void keepsDataAcrossRequests() {
        HttpCaller http = start(options(), LifecycleRoutes.standard());
        SetCookie cookie = http.get("/count").send().requireCookie(NAME);

        http.get("/count").cookie(cookie).send();

        assertThat(http.get("/count").cookie(cookie).send().body()).isEqualTo("3");
    }

    @Test
    void sendsNoCookieToARequestThatAlreadyHasItsSession() {
        HttpCaller http = start(options(), LifecycleRoutes.standard());
        SetCookie cookie = http.get("/set?k=user&v=ann").send().requireCookie(NAME);

        HttpResult response = http.get("/view").cookie(cookie).send();

        assertThat(response.body()).isEqualTo("loaded");
        assertThat(response.setCookies()).isEmpty();
    }

    @Test
    void costsNoStoreAccessWhenTheHandlerNeverAsksForTheSession() {
        HttpCaller http = start(options(), LifecycleRoutes.standard());
        SetCookie cookie = http.get("/set?k=user&v=ann").send().requireCookie(NAME);
        long gets = gets();
        long sets = sets();
        long touches = touches();

        HttpResult response = http.get("/none").cookie(cookie).send();

        assertThat(response.body()).isEqualTo("none");
        assertThat(response.setCookies()).isEmpty();
        assertThat(List.of(gets(), sets(), touches())).containsExactly(gets, sets, touches);
    }

    @Test
    void readsTheStoreOnceForARequestThatUsesItsSession() {
        HttpCaller http = start(options(), LifecycleRoutes.standard());
        SetCookie cookie = http.get("/set?k=user&v=ann").send().requireCookie(NAME);
        long gets = gets();

        http.get("/count").cookie(cookie).send();

        assertThat(gets()).isEqualTo(gets + 1);
    }

    @Test
    void savesAValueChangedDeepInsideWithoutACallToSet() {
        TypeReference<Map<String, List<String>>> prefsType = new TypeReference<>() { };
        HttpCaller http = start(options(), LifecycleRoutes.standard()
                .on("/create", call -> {
                    Map<String, List<String>> prefs = new LinkedHashMap<>();
                    prefs.put("colors", new ArrayList<>(List.of("red")));
                    call.sessions().session().set("prefs", prefs);
                })
                .on("/add", call -> {
                    Session s = call.sessions().session();
                    s.get("prefs", prefsType).orElseThrow().get("colors").add("blue");
                })
                .on("/read", call -> call.body(String.valueOf(call.sessions().session().get("prefs", prefsType).orElseThrow()))));
        SetCookie cookie = http.get("/create").send().requireCookie(NAME);

        http.get("/add").cookie(cookie).send();

        assertThat(http.get("/read").cookie(cookie).send().body()).isEqualTo("{colors=[red, blue]}");
    }
}
