package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.Session;
import dev.cloakroom.StoredSession;
import dev.cloakroom.testkit.TestRoutes;
import dev.cloakroom.testkit.http.HttpCaller;
import dev.cloakroom.testkit.http.HttpResult;
import dev.cloakroom.testkit.http.SetCookie;
import dev.cloakroom.testkit.http.SignedCookies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * NaN and the infinities, which JSON has no number for: {@code set} refuses them, naming the
 * attribute, and one already in the session (a stored {@code 1e999999} overflows a double, a
 * handler may change an array it read) is stored as {@code null}, as Node's {@code JSON.stringify}
 * writes it. The document stays JSON that {@code JSON.parse} reads.
 */
public abstract class NonFiniteNumberTests extends LifecycleTestBase {

    /** A strict reader: the non-numeric tokens {@code NaN} and {@code Infinity} are refused, as JSON.parse does. */
    private static final ObjectMapper STRICT = JsonMapper.builder().build();

    private static TestRoutes routes() {
        return LifecycleRoutes.standard()
                .on("/number", call -> {
                    try {
                        call.sessions().session().set(call.query("k"), Double.parseDouble(call.query("v")));
                    } catch (IllegalArgumentException e) {
                        call.body("refused: " + e.getMessage());
                        return;
                    }
                    call.body("set");
                })
                .on("/array", call -> call.sessions().session().set("a", new double[] {1.5, 2.5}))
                .on("/poke", call -> {
                    Session s = call.sessions().session();
                    s.get("a", double[].class).orElseThrow()[0] = Double.parseDouble(call.query("v"));
                    call.body("poked");
                });
    }

    private static JsonNode parsed(StoredSession stored) {
        return STRICT.readTree(stored.json());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity"})
    void setRefusesItNamingTheAttributeAndKeepsTheStoredNumber(String value) {
        HttpCaller http = start(options(), routes());
        SetCookie cookie = http.get("/number?k=price&v=1.5").send().requireCookie(NAME);

        HttpResult r = http.get("/number?k=price&v=" + value).cookie(cookie).send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).startsWith("refused: ").contains("'price'", value.replace("-", ""));
        assertThat(parsed(stored(cookie).orElseThrow()).get("price").doubleValue()).isEqualTo(1.5);
    }

    @Test
    void aStoredNumberTooLargeForADoubleCanBeReplaced() {
        memory.set("big-number", new StoredSession("{\"cookie\":{\"originalMaxAge\":null,\"expires\":null,"
                + "\"httpOnly\":true,\"path\":\"/\"},\"n\":1e999999}", null));

        HttpResult r = start(options(), routes()).get("/number?k=n&v=2")
                .cookie(NAME + "=" + SignedCookies.sign("big-number", SECRET)).send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(parsed(stored("big-number").orElseThrow()).get("n").doubleValue()).isEqualTo(2.0);
    }

    @Test
    void aStoredNumberTooLargeForADoubleIsStoredAsNullWhenAnotherAttributeChanges() {
        memory.set("big-number", new StoredSession("{\"cookie\":{\"originalMaxAge\":null,\"expires\":null,"
                + "\"httpOnly\":true,\"path\":\"/\"},\"n\":1e999999}", null));

        HttpResult r = start(options(), routes()).get("/number?k=m&v=3")
                .cookie(NAME + "=" + SignedCookies.sign("big-number", SECRET)).send();

        assertThat(r.status()).isEqualTo(200);
        JsonNode doc = parsed(stored("big-number").orElseThrow());
        assertThat(doc.get("n").isNull()).as("%s", doc).isTrue();
        assertThat(doc.get("m").doubleValue()).isEqualTo(3.0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"NaN", "Infinity"})
    void aValueChangedInPlaceToItIsStoredAsNull(String value) {
        HttpCaller http = start(options(), routes());
        SetCookie cookie = http.get("/array").send().requireCookie(NAME);

        HttpResult r = http.get("/poke?v=" + value).cookie(cookie).send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(parsed(stored(cookie).orElseThrow()).get("a").toString()).isEqualTo("[null,2.5]");
    }

    @Test
    void theDocumentStaysJsonWhenTheApplicationsMapperWritesNaNAsAToken() {
        ObjectMapper mapper = JsonMapper.builder().disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS).build();
        HttpCaller http = start(options().objectMapper(mapper), routes());
        SetCookie cookie = http.get("/array").send().requireCookie(NAME);

        HttpResult r = http.get("/poke?v=NaN").cookie(cookie).send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(parsed(stored(cookie).orElseThrow()).get("a").toString()).isEqualTo("[null,2.5]");
    }
}
