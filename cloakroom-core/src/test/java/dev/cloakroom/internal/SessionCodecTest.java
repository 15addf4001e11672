package dev.cloakroom.internal;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import dev.cloakroom.CookieOptions;
import dev.cloakroom.Priority;
import dev.cloakroom.SameSite;
import dev.cloakroom.SecureMode;
import dev.cloakroom.UnreadableSessionException;
import dev.cloakroom.lifecycle.NoSessionIdInLogs;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(NoSessionIdInLogs.class)
class SessionCodecTest {

    private static final Clock NEW_YEAR = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private final SessionCodec codec = new SessionCodec(null);

    private static ObjectNode user() {
        ObjectNode attrs = JsonNodeFactory.instance.objectNode();
        attrs.putObject("user").put("name", "a");
        return attrs;
    }

    @Nested
    class Encoding {

        @Test
        void putsTheCookieFirstInExpressKeyOrder() {
            CookieState cookie = CookieState.fresh(NEW_YEAR,
                    CookieOptions.builder().maxAge(Duration.ofMinutes(1)).build(), false);
            assertThat(codec.encode(cookie, user())).isEqualTo("{\"cookie\":{\"originalMaxAge\":60000,"
                    + "\"expires\":\"2026-01-01T00:01:00.000Z\",\"secure\":false,\"httpOnly\":true,\"path\":\"/\","
                    + "\"sameSite\":\"lax\"},\"user\":{\"name\":\"a\"}}");
        }

        @Test
        void placesOptionalKeysWhereExpressDoes() {
            CookieOptions options = CookieOptions.builder()
                    .maxAge(Duration.ofMillis(1500))
                    .partitioned(true)
                    .priority(Priority.HIGH)
                    .secure(SecureMode.ALWAYS)
                    .domain("example.com")
                    .path("/app")
                    .sameSite(SameSite.STRICT)
                    .build();
            CookieState cookie = CookieState.fresh(NEW_YEAR, options, true);
            assertThat(codec.encode(cookie, JsonNodeFactory.instance.objectNode())).isEqualTo("{\"cookie\":{"
                    + "\"originalMaxAge\":1500,\"partitioned\":true,\"priority\":\"high\","
                    + "\"expires\":\"2026-01-01T00:00:01.500Z\",\"secure\":true,\"httpOnly\":true,"
                    + "\"domain\":\"example.com\",\"path\":\"/app\",\"sameSite\":\"strict\"}}");
        }

        @Test
        void writesNullsForABrowserSessionCookie() {
            CookieState cookie = CookieState.fresh(NEW_YEAR, CookieOptions.builder().sameSite(null).build(), false);
            assertThat(codec.encode(cookie, JsonNodeFactory.instance.objectNode())).isEqualTo(
                    "{\"cookie\":{\"originalMaxAge\":null,\"expires\":null,\"secure\":false,\"httpOnly\":true,\"path\":\"/\"}}");
        }

        @Test
        void neverLetsAnAttributeNamedCookieReplaceTheCookie() {
            ObjectNode attrs = user();
            attrs.put("cookie", "evil");
            CookieState cookie = CookieState.fresh(NEW_YEAR, CookieOptions.defaults(), false);
            assertThat(codec.encode(cookie, attrs)).startsWith("{\"cookie\":{\"originalMaxAge\":null")
                    .doesNotContain("evil");
        }

        @Test
        void formatsDatesAsToIsoString() {
            assertThat(SessionCodec.isoDate(Instant.parse("2026-03-05T07:08:09Z"))).isEqualTo("2026-03-05T07:08:09.000Z");
            assertThat(SessionCodec.isoDate(Instant.parse("2026-03-05T07:08:09.123456Z"))).isEqualTo("2026-03-05T07:08:09.123Z");
        }
    }

    @Nested
    class DecodingWhatExpressWrote {

        private static final String EXPRESS = "{\"cookie\":{\"originalMaxAge\":60000,\"expires\":\"2026-01-01T00:00:00.000Z\","
                + "\"httpOnly\":true,\"path\":\"/\"},\"user\":{\"name\":\"a\"}}";

        @Test
        void readsTheCookie() {
            SessionCodec.Decoded d = codec.decode(EXPRESS, NEW_YEAR);
            assertThat(d.cookie().originalMaxAge()).contains(Duration.ofMinutes(1));
            assertThat(d.cookie().expires()).contains(Instant.parse("2026-01-01T00:00:00Z"));
            assertThat(d.cookie().httpOnly()).isTrue();
            assertThat(d.cookie().secure()).isFalse();
            assertThat(d.cookie().path()).isEqualTo("/");
            assertThat(d.cookie().domain()).isEmpty();
            assertThat(d.cookie().sameSite()).isEmpty();
        }

        @Test
        void readsTheAttributesWithoutTheCookie() {
            SessionCodec.Decoded d = codec.decode(EXPRESS, NEW_YEAR);
            assertThat(d.attributes().toString()).isEqualTo("{\"user\":{\"name\":\"a\"}}");
        }

        @Test
        void readsAllOptionalKeys() {
            SessionCodec.Decoded d = codec.decode("{\"cookie\":{\"originalMaxAge\":null,\"partitioned\":true,"
                    + "\"priority\":\"High\",\"expires\":null,\"secure\":true,\"httpOnly\":false,\"domain\":\"example.com\","
                    + "\"path\":\"/app\",\"sameSite\":\"None\"}}", NEW_YEAR);
            assertThat(d.cookie().originalMaxAge()).isEmpty();
            assertThat(d.cookie().expires()).isEmpty();
            assertThat(d.cookie().partitioned()).isTrue();
            assertThat(d.cookie().priority()).contains(Priority.HIGH);
            assertThat(d.cookie().secure()).isTrue();
            assertThat(d.cookie().httpOnly()).isFalse();
            assertThat(d.cookie().domain()).contains("example.com");
            assertThat(d.cookie().path()).isEqualTo("/app");
            assertThat(d.cookie().sameSite()).contains(SameSite.NONE);
        }

        @Test
        void readsSameSiteTrueAsStrict() {
            SessionCodec.Decoded d = codec.decode("{\"cookie\":{\"path\":\"/\",\"sameSite\":true}}", NEW_YEAR);
            assertThat(d.cookie().sameSite()).contains(SameSite.STRICT);
        }

        /** The session is kept: StoredCookieCheck puts the configured value in their place. */
        @Test
        void notesAnUnknownSameSiteOrPriorityInsteadOfRefusingTheSession() {
            SessionCodec.Decoded d = codec.decode("{\"cookie\":{\"path\":\"/\",\"sameSite\":\"sometimes\","
                    + "\"priority\":\"urgent\"},\"a\":1}", NEW_YEAR);
            assertThat(d.cookie().sameSite()).isEmpty();
            assertThat(d.cookie().priority()).isEmpty();
            assertThat(d.cookie().unreadable).containsExactly("sameSite", "priority");
            assertThat(d.attributes().get("a").intValue()).isEqualTo(1);
        }

        @Test
        void reEncodesToTheSameAttributes() {
            SessionCodec.Decoded d = codec.decode(EXPRESS, NEW_YEAR);
            assertThat(codec.encode(d.cookie(), d.attributes())).isEqualTo("{\"cookie\":{\"originalMaxAge\":60000,"
                    + "\"expires\":\"2026-01-01T00:00:00.000Z\",\"secure\":false,\"httpOnly\":true,\"path\":\"/\"},"
                    + "\"user\":{\"name\":\"a\"}}");
        }
    }

    @Nested
    class WhenTheStoredDocumentIsUnreadable {

        @ParameterizedTest
        @ValueSource(strings = {
                "",
                "{",
                "not json",
                "[]",
                "\"text\"",
                "42",
                "null",
                "{}",
                "{\"user\":{}}",
                "{\"cookie\":null}",
                "{\"cookie\":\"x\"}",
                "{\"cookie\":[]}",
                "{\"cookie\":{\"expires\":\"yesterday\"}}",
                "{\"cookie\":{\"expires\":\"2026-13-01T00:00:00.000Z\"}}",
                "{\"cookie\":{\"originalMaxAge\":\"soon\"}}",
        })
        void throwsUnreadableSessionException(String json) {
            assertThatThrownBy(() -> codec.decode(json, NEW_YEAR)).isInstanceOf(UnreadableSessionException.class);
        }
    }

    @Nested
    class ReadingExpires {

        @Test
        void theToIsoStringFormAgreesWithInstantParseOverFourCenturiesOfDays() {
            java.util.Random random = new java.util.Random(12);
            long from = Instant.parse("1900-01-01T00:00:00Z").toEpochMilli();
            long to = Instant.parse("2300-01-01T00:00:00Z").toEpochMilli();
            for (int i = 0; i < 20_000; i++) {
                String text = SessionCodec.isoDate(Instant.ofEpochMilli(from + (long) (random.nextDouble() * (to - from))));
                assertThat(SessionCodec.parseIsoDate(text)).as(text).isEqualTo(Instant.parse(text));
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"2024-02-29T23:59:59.999Z", "2000-02-29T00:00:00.000Z", "0000-01-01T00:00:00.000Z",
                "9999-12-31T23:59:59.999Z", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00.5Z", "2026-01-01T00:00:00.123456789Z",
                "+12026-01-01T00:00:00.000Z", "2026-01-01T24:00:00.000Z"})
        void leapDaysTheEdgesOfTheFormAndOtherIsoFormsReadAsInstantParseReadsThem(String text) {
            assertThat(SessionCodec.parseIsoDate(text)).isEqualTo(Instant.parse(text));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2025-02-29T00:00:00.000Z", "1900-02-29T00:00:00.000Z", "2026-13-01T00:00:00.000Z",
                "2026-00-01T00:00:00.000Z", "2026-04-31T00:00:00.000Z",
                "2026-01-01T00:60:00.000Z", "2026-01-01T00:00:61.000Z", "2026-01-01T00:00:00.00xZ", "2026-0a-01T00:00:00.000Z",
                "2026-01-01 00:00:00.000Z", "tomorrow"})
        void whatInstantParseRefusesIsRefused(String text) {
            assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(java.time.format.DateTimeParseException.class);
            assertThatThrownBy(() -> SessionCodec.parseIsoDate(text)).isInstanceOf(java.time.format.DateTimeParseException.class);
        }
    }

    @Nested
    class WritingDates {

        private static final java.time.format.DateTimeFormatter ISO = java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", java.util.Locale.ROOT).withZone(ZoneOffset.UTC);
        private static final java.time.format.DateTimeFormatter HTTP = java.time.format.DateTimeFormatter
                .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.US).withZone(ZoneOffset.UTC);

        @Test
        void isoAndHttpDatesAgreeWithTheirFormattersFromYearOneToYear9999() {
            java.util.Random random = new java.util.Random(7);
            long from = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
            long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
            for (int i = 0; i < 20_000; i++) {
                Instant at = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)), random.nextInt(1_000_000_000));
                assertThat(SessionCodec.isoDate(at)).as(at.toString()).isEqualTo(ISO.format(at));
                assertThat(SetCookieWriter.httpDate(at)).as(at.toString()).isEqualTo(HTTP.format(at));
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"1970-01-01T00:00:00Z", "2024-02-29T23:59:59.999999999Z", "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999Z", "-0001-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "0009-03-04T05:06:07.008Z"})
        void theEdgesAndYearsBeyondFourDigitsToo(String text) {
            Instant at = Instant.parse(text);
            assertThat(SessionCodec.isoDate(at)).isEqualTo(ISO.format(at));
            assertThat(SetCookieWriter.httpDate(at)).isEqualTo(HTTP.format(at));
        }
    }

    @Nested
    class WritingValueByValue {

        private final CookieState cookie = CookieState.fresh(NEW_YEAR,
                CookieOptions.builder().maxAge(Duration.ofMinutes(1)).build(), false);

        /** Names and values that need escaping, nesting, empty containers, scalars of each kind, NaN. */
        private ObjectNode awkward() {
            ObjectNode attrs = JsonNodeFactory.instance.objectNode();
            attrs.put("n", 3).put("big", 1L << 40).put("ratio", 0.25).put("t\u00e9xt \"q\"\n", "caf\u00e9 \u2028 \ud83d\ude00")
                    .put("flag", false).putNull("none").put("nan", Double.NaN);
            attrs.putObject("user").put("name", "a").putArray("roles").add("ADMIN").addObject().put("k", "v");
            attrs.putArray("list").add(1).add(Double.POSITIVE_INFINITY).addArray();
            attrs.putObject("empty");
            attrs.putObject("cookie").put("not", "the cookie");
            return attrs;
        }

        /** The document as one tree written whole by the mapper, as every save wrote it before. */
        private String whole(SessionCodec c, ObjectNode attrs) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.set(SessionCodec.COOKIE_KEY, c.mapper().readTree(c.cookieJson(cookie)));
            attrs.properties().forEach(e -> {
                if (!e.getKey().equals(SessionCodec.COOKIE_KEY)) {
                    root.set(e.getKey(), FiniteNumbers.nulled(e.getValue()));
                }
            });
            return c.mapper().writeValueAsString(root);
        }

        @Test
        void writesWhatTheMapperWritesForTheWholeTreeAndMapsEachObjectAndArray() {
            ObjectNode attrs = awkward();
            SessionCodec.Encoded encoded = codec.encodeMapped(cookie, attrs, null, null);

            assertThat(encoded.json()).isEqualTo(whole(codec, attrs));
            for (String name : new String[] {"user", "list", "empty"}) {
                assertThat(encoded.texts().textOf(name)).as(name)
                        .isEqualTo(codec.mapper().writeValueAsString(FiniteNumbers.nulled(attrs.get(name))));
            }
            assertThat(encoded.texts().textOf("n")).as("a scalar is not mapped").isNull();
            assertThat(encoded.texts().textOf("cookie")).as("the cookie is not an attribute").isNull();
        }

        @Test
        void copiesTheTextOfAValueItSharesWithTheTreeThatTextWasWrittenFrom() {
            ObjectNode before = awkward();
            SessionCodec.Encoded first = codec.encodeMapped(cookie, before, null, null);
            ObjectNode after = before.deepCopy();
            after.set("user", before.get("user"));
            after.put("n", 4);
            // Nothing changes a finite tree in place; doing so here shows the text is copied, not the tree written.
            ((ObjectNode) before.get("user")).put("added", "after the first save");

            SessionCodec.Encoded second = codec.encodeMapped(cookie, after, before, first.texts());

            assertThat(second.json()).contains("\"user\":" + first.texts().textOf("user") + ",")
                    .doesNotContain("added").contains("\"n\":4");
            assertThat(second.texts().textOf("user")).isEqualTo(first.texts().textOf("user"));
            assertThat(codec.encodeMapped(cookie, after, null, first.texts()).json()).as("not shared: written")
                    .contains("added");
        }

        @Test
        void aMapperThatIndentsSortsOrDropsNullsWritesTheWholeTreeAsItWould() {
            for (var builder : java.util.List.of(
                    SessionCodec.defaultMapper().rebuild().enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT),
                    SessionCodec.defaultMapper().rebuild().enable(tools.jackson.databind.cfg.JsonNodeFeature.WRITE_PROPERTIES_SORTED),
                    SessionCodec.defaultMapper().rebuild().disable(tools.jackson.databind.cfg.JsonNodeFeature.WRITE_NULL_PROPERTIES))) {
                SessionCodec c = new SessionCodec(builder.build());
                ObjectNode attrs = awkward();
                SessionCodec.Encoded encoded = c.encodeMapped(cookie, attrs, null, null);
                assertThat(encoded.json()).isEqualTo(whole(c, attrs));
                assertThat(encoded.texts()).isNull();
            }
        }
    }
}
