package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.StoredSession;
import dev.cloakroom.testkit.http.HttpCaller;
import dev.cloakroom.testkit.http.HttpResult;
import dev.cloakroom.testkit.http.SetCookie;
import dev.cloakroom.testkit.http.SignedCookies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cookie attributes a stored session carries are written into {@code Set-Cookie}, so whoever
 * can write to the store (a Node app sharing it, an attacker with access to it) could otherwise
 * add attributes of their own: a path of {@code /; Max-Age=99999999} gives the cookie a lifetime
 * nobody configured. A stored path, domain, SameSite or priority that a handler could not have set
 * is replaced by the configured one, with one WARN that names the attribute but neither the
 * session nor the value.
 */
public abstract class StoredCookieTests extends LifecycleTestBase {

    private static final String ID = "stored-by-someone-else";
    private static final String WARN = "WARN dev.cloakroom - ";

    /** Plants a session whose cookie object has {@code attribute} set to the JSON {@code value}. */
    private void plant(String attribute, String value) {
        String path = attribute.equals("path") ? "" : "\"path\":\"/\",";
        memory.set(ID, new StoredSession("{\"cookie\":{\"originalMaxAge\":null,\"expires\":null,\"secure\":false,"
                + "\"httpOnly\":true," + path + "\"" + attribute + "\":" + value + "},\"a\":\"1\"}", null));
    }

    private static String cookieHeader() {
        return NAME + "=" + SignedCookies.sign(ID, SECRET);
    }

    private static List<String> warnings(String log) {
        return log.lines().filter(l -> l.contains(WARN)).collect(Collectors.toList());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "path     | `\"/; Max-Age=99999999\"`  | Path=/",
        "path     | `\"/\\r\\nX-Injected: 1\"` | Path=/",
        "path     | `\"app\"`                  | Path=/",
        "domain   | `\"example.test; Max-Age=99999999\"` | Path=/",
        "domain   | `\"example test\"`         | Path=/",
        "domain   | `\"\"`                     | Path=/",
        "sameSite | `\"bogus; Max-Age=1\"`     | SameSite=Lax",
        "sameSite | `\"none\"`                 | SameSite=Lax",
        "priority | `\"urgent\"`               | Path=/",
    })
    void anInvalidStoredValueGivesWayToTheConfiguredOne(String attribute, String stored, String expected) {
        plant(attribute.trim(), stored);
        HttpCaller http = start(options().rolling(true), LifecycleRoutes.standard());

        HttpResult response;
        String log;
        try (CapturedOutput output = new CapturedOutput()) {
            response = http.get("/get?k=a").cookie(cookieHeader()).send();
            log = output.text();
        }

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).as("the session itself is kept").isEqualTo("1");
        SetCookie cookie = response.requireCookie(NAME);
        assertThat(cookie.raw()).doesNotContainIgnoringCase("Max-Age").doesNotContain("Injected").doesNotContain("urgent");
        assertThat(cookie.attributeNames()).doesNotContain("Priority", "Domain");
        assertThat(cookie.raw()).contains("; " + expected.trim());
        assertThat(warnings(log)).as(log).hasSize(1);
        assertThat(warnings(log).get(0)).contains("cookie." + attribute.trim()).doesNotContain(ID)
                .doesNotContain("Max-Age").doesNotContain("bogus");
    }

    @Test
    void theRepairIsStoredSoTheNextRequestDoesNotWarnAgain() {
        plant("path", "\"/; Max-Age=99999999\"");
        HttpCaller http = start(options().rolling(true), LifecycleRoutes.standard());
        http.get("/view").cookie(cookieHeader()).send();

        String log;
        try (CapturedOutput output = new CapturedOutput()) {
            http.get("/view").cookie(cookieHeader()).send();
            log = output.text();
        }

        assertThat(stored(ID).orElseThrow().json()).contains("\"path\":\"/\"").doesNotContain("Max-Age");
        assertThat(warnings(log)).as(log).isEmpty();
    }

    @Test
    void theConfiguredDomainReplacesAnInvalidStoredOne() {
        plant("domain", "\"example.test; Max-Age=99999999\"");
        HttpCaller http = start(options().rolling(true).cookie(c -> c.domain("configured.test")), LifecycleRoutes.standard());

        SetCookie cookie = http.get("/view").cookie(cookieHeader()).send().requireCookie(NAME);

        assertThat(cookie.attribute("Domain")).hasValue("configured.test");
        assertThat(cookie.has("Max-Age")).isFalse();
    }

    @Test
    void aValidStoredPathAndDomainAreKept() {
        memory.set(ID, new StoredSession("{\"cookie\":{\"originalMaxAge\":null,\"expires\":null,\"secure\":false,"
                + "\"httpOnly\":true,\"path\":\"/shop\",\"domain\":\"shop.example.test\"},\"a\":\"1\"}", null));
        HttpCaller http = start(options().rolling(true), LifecycleRoutes.standard());

        String log;
        SetCookie cookie;
        try (CapturedOutput output = new CapturedOutput()) {
            cookie = http.get("/view").cookie(cookieHeader()).send().requireCookie(NAME);
            log = output.text();
        }

        assertThat(cookie.attribute("Path")).hasValue("/shop");
        assertThat(cookie.attribute("Domain")).hasValue("shop.example.test");
        assertThat(warnings(log)).as(log).isEmpty();
    }
}
