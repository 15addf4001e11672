package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.CookieOptions;
import dev.cloakroom.Priority;
import dev.cloakroom.SameSite;
import dev.cloakroom.SecureMode;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.StoredSession;
import dev.cloakroom.testkit.TestRoutes;
import dev.cloakroom.testkit.http.HttpCaller;
import dev.cloakroom.testkit.http.HttpResult;
import dev.cloakroom.testkit.http.SetCookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cookie's attributes as express-session writes them: order Domain, Path, Expires, HttpOnly,
 * Secure, Partitioned, Priority, SameSite; {@code Expires} and never {@code Max-Age}.
 */
public abstract class CookieAttributeTests extends LifecycleTestBase {

    /** The cookie of a new session, on a request a proxy says arrived over HTTPS (trusted only with proxy=true). */
    private SetCookie cookieWith(UnaryOperator<SessionOptions.Builder> customizer) {
        return start(customizer.apply(options()), LifecycleRoutes.standard())
                .get("/set?k=a&v=1").forwardedProto("https").send().requireCookie(NAME);
    }

    @Test
    void areByDefaultPathHttpOnlyAndSameSiteLaxWithoutExpiry() {
        SetCookie cookie = cookieWith(b -> b);

        assertThat(cookie.attributes()).extracting(Object::toString).containsExactly("Path=/", "HttpOnly", "SameSite=Lax");
    }

    @Test
    void comeInExpressOrder() {
        SetCookie cookie = cookieWith(b -> b.proxy(true).cookie(c -> c
                .domain("example.test").maxAge(Duration.ofHours(1)).secure(SecureMode.ALWAYS)
                .partitioned(true).priority(Priority.HIGH).sameSite(SameSite.STRICT)));

        assertThat(cookie.attributeNames())
                .containsExactly("Domain", "Path", "Expires", "HttpOnly", "Secure", "Partitioned", "Priority", "SameSite");
        assertThat(cookie.attribute("Domain")).hasValue("example.test");
        assertThat(cookie.attribute("Priority")).hasValue("High");
        assertThat(cookie.attribute("SameSite")).hasValue("Strict");
    }

    @ParameterizedTest(name = "maxAge {0} ms")
    @ValueSource(longs = {2_000L, 5_000L, 3_000_000_000L})
    void sendExpiresAtMaxAgeAfterTheRequestAndNoMaxAge(long maxAgeMillis) {
        HttpCaller http = start(options().cookie(c -> c.maxAge(Duration.ofMillis(maxAgeMillis))), LifecycleRoutes.standard());
        Instant before = Instant.now();
        HttpResult response = http.get("/set?k=a&v=1").send();
        Instant after = Instant.now();
        SetCookie cookie = response.requireCookie(NAME);

        assertExpiresBetween(cookie, before, after, Duration.ofMillis(maxAgeMillis));
        assertThat(cookie.has("Max-Age")).isFalse();
    }

    /**
     * {@code Expires} is the commit time plus the max age, cut to whole seconds by the HTTP date
     * format; the commit lies between the client's clock readings around the request, so the
     * check holds however slowly a loaded machine answers.
     */
    private static void assertExpiresBetween(SetCookie cookie, Instant before, Instant after, Duration maxAge) {
        assertThat(cookie.expires().orElseThrow())
                .isBetween(before.plus(maxAge).truncatedTo(ChronoUnit.SECONDS), after.plus(maxAge));
    }

    @Test
    void storeTheSameExpiryTheCookieCarries() {
        SetCookie cookie = cookieWith(b -> b.cookie(c -> c.maxAge(Duration.ofMinutes(5))));

        Instant storedExpiry = stored(cookie).map(StoredSession::expires).orElseThrow();

        assertThat(Duration.between(cookie.expires().orElseThrow(), storedExpiry).toMillis()).isBetween(0L, 999L);
    }

    @Test
    void writeAFixedExpiresAsJavaScriptDoes() {
        SetCookie cookie = cookieWith(b -> b.cookie(c -> c.expires(Instant.parse("2100-01-01T00:00:00Z"))));

        assertThat(cookie.attribute("Expires")).hasValue("Fri, 01 Jan 2100 00:00:00 GMT");
    }

    @Test
    void leaveOutHttpOnlyWhenTurnedOff() {
        SetCookie cookie = cookieWith(b -> b.cookie(c -> c.httpOnly(false)));

        assertThat(cookie.has("HttpOnly")).isFalse();
    }

    @Test
    void includeSecureWhenAlwaysOnASecureRequest() {
        SetCookie cookie = cookieWith(b -> b.proxy(true).cookie(c -> c.secure(SecureMode.ALWAYS)));

        assertThat(cookie.has("Secure")).isTrue();
    }

    @Test
    void includePartitionedWhenSet() {
        SetCookie cookie = cookieWith(b -> b.proxy(true).cookie(c -> c.partitioned(true)));

        assertThat(cookie.attributeNames()).containsSubsequence("Secure", "Partitioned");
    }

    @Test
    void includePriorityWhenSet() {
        SetCookie cookie = cookieWith(b -> b.cookie(c -> c.priority(Priority.LOW)));

        assertThat(cookie.attribute("Priority")).hasValue("Low");
    }

    @Test
    void keepTheConfiguredOriginalMaxAgeOnEveryRequest() {
        HttpCaller http = start(options().cookie(c -> c.maxAge(Duration.ofMinutes(1))), TestRoutes.create().otherwise(call -> {
            var s = call.sessions().session();
            s.set("seen", true);
            call.body(String.valueOf(s.cookie().originalMaxAge().map(Duration::toMillis).orElse(-1L)));
        }));
        HttpResult first = http.get("/").send();

        HttpResult second = http.get("/").cookie(first.requireCookie(NAME)).send();

        assertThat(first.body()).isEqualTo("60000");
        assertThat(second.body()).isEqualTo("60000");
    }

    @Test
    void followAMaxAgeTheHandlerSetForThisSession() {
        HttpCaller http = start(options().cookie(c -> c.maxAge(Duration.ofSeconds(2))), LifecycleRoutes.standard()
                .on("/long", call -> {
                    var s = call.sessions().session();
                    s.cookie().maxAge(Duration.ofMillis(3_000_000_000L));
                    s.set("remember", true);
                }));

        Instant before = Instant.now();
        HttpResult response = http.get("/long").send();
        Instant after = Instant.now();

        assertExpiresBetween(response.requireCookie(NAME), before, after, Duration.ofMillis(3_000_000_000L));
    }

    @Test
    void canBeDecidedPerRequest() {
        CookieOptions remembered = CookieOptions.builder().maxAge(Duration.ofDays(30)).build();
        HttpCaller http = start(options().cookiePerRequest(request ->
                "yes".equals(request.header("X-Remember-Me")) ? remembered : CookieOptions.defaults()), LifecycleRoutes.standard());

        SetCookie remember = http.get("/set?k=a&v=1").header("X-Remember-Me", "yes").send().requireCookie(NAME);
        SetCookie browserSession = http.get("/set?k=a&v=1").send().requireCookie(NAME);

        assertThat(remember.has("Expires")).isTrue();
        assertThat(browserSession.has("Expires")).isFalse();
    }

    @Test
    void areNotResentForAModifiedBrowserSessionCookie() {
        HttpCaller http = start(options(), LifecycleRoutes.standard());
        SetCookie cookie = http.get("/set?k=a&v=1").send().requireCookie(NAME);

        assertThat(http.get("/set?k=a&v=2").cookie(cookie).send().setCookies()).isEmpty();
    }
}
