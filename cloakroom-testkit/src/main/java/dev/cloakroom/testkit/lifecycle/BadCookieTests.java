package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.testkit.http.HttpCaller;
import dev.cloakroom.testkit.http.HttpResult;
import dev.cloakroom.testkit.http.SignedCookies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cookies a server never issued, or mangled on the way: every one is "no session". The request
 * gets a fresh session, never a 5xx, and the presented value never reaches the store.
 */
public abstract class BadCookieTests extends LifecycleTestBase {

    /** Ways to spoil the cookie of a live session; each gets the real cookie value and the id inside it. */
    enum BadCookie {
        MALFORMED_PERCENT_ENCODING((value, id) -> List.of(NAME + "=s%3A%E0%A4%A")),
        EMPTY((value, id) -> List.of(NAME + "=")),
        PREFIX_ONLY((value, id) -> List.of(NAME + "=s%3A")),
        TAMPERED_SIGNATURE((value, id) -> List.of(NAME + "=" + flipLast(value))),
        TAMPERED_ID((value, id) -> List.of(NAME + "=" + value.replace(id, flipLast(id)))),
        SIGNED_WITH_ANOTHER_SECRET((value, id) -> List.of(NAME + "=" + SignedCookies.sign(id, "another secret"))),
        UNSIGNED_ID((value, id) -> List.of(NAME + "=" + id)),
        UNSIGNED_WITH_PREFIX((value, id) -> List.of(NAME + "=s%3A" + id)),
        QUOTED((value, id) -> List.of(NAME + "=\"" + value + "\"")),
        OVERSIZED_BUT_CORRECTLY_SIGNED((value, id) -> List.of(NAME + "=" + SignedCookies.sign(id + "x".repeat(4200), SECRET))),
        DUPLICATE_IN_ONE_HEADER((value, id) -> List.of(NAME + "=" + value + "; " + NAME + "=" + SignedCookies.sign("planted", SECRET))),
        DUPLICATE_ACROSS_HEADERS((value, id) -> List.of(NAME + "=" + SignedCookies.sign("planted", SECRET), NAME + "=" + value));

        private final BiFunction<String, String, List<String>> headers;

        BadCookie(BiFunction<String, String, List<String>> headers) {
            this.headers = headers;
        }

        private static String flipLast(String s) {
            char last = s.charAt(s.length() - 1);
            return s.substring(0, s.length() - 1) + (last == 'A' ? 'B' : 'A');
        }
    }

    private HttpResult send(HttpCaller http, BadCookie bad) {
        String value = http.get("/set?k=user&v=ann").send().requireCookie(NAME).value();
        HttpCaller.Call call = http.get("/get?k=user");
        bad.headers.apply(value, SignedCookies.idOf(value)).forEach(call::cookie);
        return call.send();
    }

    @ParameterizedTest
    @EnumSource(BadCookie.class)
    void startsANewSessionWithoutAServerError(BadCookie bad) {
        HttpResult response = send(start(options(), LifecycleRoutes.standard()), bad);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("-");
    }

    @ParameterizedTest
    @EnumSource(BadCookie.class)
    void neverAsksTheStore(BadCookie bad) {
        send(start(options(), LifecycleRoutes.standard()), bad);

        assertThat(gets()).isZero();
    }

    @Test
    void acceptsTheSameCookieSentTwice() {
        HttpCaller http = start(options(), LifecycleRoutes.standard());
        String value = http.get("/set?k=user&v=ann").send().requireCookie(NAME).value();

        HttpResult response = http.get("/get?k=user").cookie(NAME + "=" + value + "; " + NAME + "=" + value).send();

        assertThat(response.body()).isEqualTo("ann");
    }

    @Test
    void findsTheSessionCookieAmongOthers() {
        HttpCaller http = start(options(), LifecycleRoutes.standard());
        String value = http.get("/set?k=user&v=ann").send().requireCookie(NAME).value();

        HttpResult response = http.get("/get?k=user").cookie("theme=dark; " + NAME + "=" + value + "; lang=en").send();

        assertThat(response.body()).isEqualTo("ann");
    }
}
