package dev.cloakroom.internal;

import dev.cloakroom.UnreadableSessionException;
import dev.cloakroom.lifecycle.NoSessionIdInLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One decode of a big document shared by the requests that loaded the same text, each with a copy
 * of its own; a small one kept by session, and a save's tree kept in its place when a parse of its
 * text would give that tree back.
 */
@ExtendWith(NoSessionIdInLogs.class)
class SharedDecodesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private final SharedDecodes decodes = new SharedDecodes(new SessionCodec(null), CLOCK);

    /** A document past the sharing threshold, with {@code mark} in one attribute. */
    private static String big(String mark) {
        return "{\"cookie\":{\"originalMaxAge\":60000,\"expires\":\"2026-01-01T00:01:00.000Z\",\"httpOnly\":true,\"path\":\"/\"},"
                + "\"mark\":\"" + mark + "\",\"ballast\":\"" + "b".repeat(BigDocuments.THRESHOLD_CHARS) + "\"}";
    }

    @Test
    void requestsReadingTheSameTextEachGetTheirOwnTreeAndCookie() {
        String json = big("one");
        SessionCodec.Decoded first = decodes.decode("id", json);
        SessionCodec.Decoded second = decodes.decode("id", new String(json.toCharArray()));

        assertThat(second.attributes()).isEqualTo(first.attributes()).isNotSameAs(first.attributes());
        first.attributes().put("mark", "changed by the first request");
        first.attributes().remove("ballast");
        first.cookie().expires = Instant.EPOCH;

        SessionCodec.Decoded third = decodes.decode("id", json);
        for (SessionCodec.Decoded untouched : new SessionCodec.Decoded[] {second, third}) {
            assertThat(untouched.attributes().get("mark").asString()).isEqualTo("one");
            assertThat(untouched.attributes().has("ballast")).isTrue();
            assertThat(untouched.cookie().expires).isEqualTo(Instant.parse("2026-01-01T00:01:00Z"));
        }
    }

    @Test
    void aNewTextOfTheSessionIsDecodedAfresh() {
        decodes.decode("id", big("old"));

        assertThat(decodes.decode("id", big("new")).attributes().get("mark").asString()).isEqualTo("new");
    }

    @Test
    void anotherSessionWithTheSameTextIsNotConfusedWithIt() {
        decodes.decode("a", big("a's"));

        assertThat(decodes.decode("b", big("b's")).attributes().get("mark").asString()).isEqualTo("b's");
    }

    @Test
    void anUnreadableDocumentFailsEveryRequestThatReadsIt() {
        String broken = "{\"cookie\":{},\"ballast\":\"" + "b".repeat(BigDocuments.THRESHOLD_CHARS);

        assertThatThrownBy(() -> decodes.decode("id", broken)).isInstanceOf(UnreadableSessionException.class);
        assertThatThrownBy(() -> decodes.decode("id", broken)).isInstanceOf(UnreadableSessionException.class);
    }

    private static final String SMALL = "{\"cookie\":{\"originalMaxAge\":60000,\"expires\":\"2026-01-01T00:01:00.000Z\",\"path\":\"/\"},\"n\":1}";

    @Test
    void aSmallDocumentReadAgainSharesItsTreeAndGetsACookieOfItsOwn() {
        SessionCodec.Decoded first = decodes.decode("id", SMALL);
        SessionCodec.Decoded second = decodes.decode("id", new String(SMALL.toCharArray()));

        assertThat(second.attributes()).as("parsed once, by text").isSameAs(first.attributes());
        assertThat(second.cookie()).isNotSameAs(first.cookie());
        first.cookie().expires = Instant.EPOCH;
        assertThat(second.cookie().expires).isEqualTo(Instant.parse("2026-01-01T00:01:00Z"));
        assertThat(decodes.decode("id", SMALL.replace("\"n\":1", "\"n\":2")).attributes().get("n").asInt()).isEqualTo(2);
    }

    @Test
    void aSessionsNewTextTakesThePlaceOfItsOldOne() {
        long one = SMALL.length() * 8L;
        for (int i = 0; i < 100; i++) {
            decodes.decode("id", SMALL.replace("\"n\":1", "\"n\":" + (1_000 + i)));
        }

        assertThat(decodes.recentBytes()).isEqualTo(one + 3 * 8);
        assertThat(decodes.decode("id", SMALL).attributes().get("n").asInt()).isEqualTo(1);
    }

    @Test
    void theRecentSmallDocumentsStayInsideTheirBudget() {
        long budget = 100L * SMALL.length() * 8;
        SharedDecodes tight = new SharedDecodes(new SessionCodec(null), CLOCK, budget);
        for (int i = 0; i < 1_000; i++) {
            String json = SMALL.replace("\"n\":1", "\"n\":" + (1_000 + i));
            assertThat(tight.decode("id" + i, json).attributes().get("n").asInt()).isEqualTo(1_000 + i);
        }

        assertThat(tight.recentBytes()).isPositive().isLessThanOrEqualTo(budget);
    }

    private final SessionCodec codec = new SessionCodec(null);

    /** A cookie whose expiry has nanoseconds, which the stored text cuts to milliseconds. */
    private static CookieState cookie() {
        CookieState cookie = new CookieState(CLOCK);
        cookie.originalMaxAgeMillis = 60_000L;
        cookie.expires = Instant.parse("2026-01-01T00:01:00.123456789Z");
        return cookie;
    }

    /** Encodes {@code written} as a save does, tells {@code decodes}, and returns the document. */
    private static String save(SharedDecodes decodes, SessionCodec codec, String id, ObjectNode written) {
        SessionCodec.Encoded encoded = codec.encodeMapped(cookie(), written, null, null);
        decodes.wrote(id, encoded, cookie(), written);
        return encoded.json();
    }

    /** Every kind of node a parse makes: an int, a long past an int, a double, text, a flag, null, containers. */
    private static ObjectNode exactTree() {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.put("visits", 3).put("big", 1L << 40).put("ratio", 0.25).put("name", "Ada").put("admin", true).putNull("none");
        tree.putArray("list").add(1).addObject().put("deep", "x");
        return tree;
    }

    @Test
    void aSavedTreeStandsInForTheParseOfItsText() {
        ObjectNode written = exactTree();
        String json = save(decodes, codec, "id", written);

        SessionCodec.Decoded first = decodes.decode("id", new String(json.toCharArray()));
        SessionCodec.Decoded parsed = codec.decode(json, CLOCK);
        assertThat(first.attributes().toString()).isEqualTo(parsed.attributes().toString());
        assertThat(first.attributes()).isEqualTo(parsed.attributes()).isNotSameAs(written);
        assertThat(first.attributes().get("big")).isInstanceOf(LongNode.class);
        assertThat(first.cookie()).usingRecursiveComparison().isEqualTo(parsed.cookie());
        assertThat(first.cookie().expires).isEqualTo(Instant.parse("2026-01-01T00:01:00.123Z"));
        assertThat(decodes.decode("id", json).attributes()).as("not parsed again").isSameAs(first.attributes());
    }

    @Test
    void aSavedTreeSharesThePreviousDecodesNodesAndCopiesTheRest() {
        ObjectNode loaded = decodes.decode("id", codec.encode(cookie(), exactTree())).attributes();
        assertThat(decodes.finiteDecode("id", loaded)).as("asked by the save's encode").isNotNull();
        ObjectNode written = JsonNodeFactory.instance.objectNode();
        written.set("list", loaded.get("list"));
        written.putArray("mine").add("handler's");
        String json = save(decodes, codec, "id", written);
        ((ArrayNode) written.get("mine")).add("changed after the save");

        ObjectNode next = decodes.decode("id", json).attributes();
        assertThat(next.get("list")).isSameAs(loaded.get("list"));
        assertThat(next.get("mine")).isNotSameAs(written.get("mine"));
        assertThat(next.get("mine").toString()).isEqualTo("[\"handler's\"]");
    }

    static Stream<Arguments> nodesTheirTextGivesBackOtherwise() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode deep = f.objectNode();
        ObjectNode at = deep;
        for (int i = 0; i < ExactTrees.MAX_DEPTH + 1; i++) {
            at = at.putObject("d");
        }
        return Stream.of(
                Arguments.of("a float", f.numberNode(1.5f)),
                Arguments.of("a BigDecimal", f.numberNode(new BigDecimal("1.10"))),
                Arguments.of("a BigInteger a long can hold", f.numberNode(BigInteger.TEN)),
                Arguments.of("bytes", f.binaryNode(new byte[] {1, 2})),
                Arguments.of("a POJO", f.pojoNode(List.of(1))),
                Arguments.of("NaN", f.numberNode(Double.NaN)),
                Arguments.of("a float inside a list", f.arrayNode().add(1).add(1.5f)),
                Arguments.of("a tree past the depth", deep));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodesTheirTextGivesBackOtherwise")
    void aTreeItsTextWouldNotGiveBackIsLeftToTheParser(String what, JsonNode value) {
        ObjectNode written = JsonNodeFactory.instance.objectNode().put("n", 1);
        written.set("value", value);
        String json = save(decodes, codec, "id", written);

        ObjectNode read = decodes.decode("id", json).attributes();
        assertThat(read.toString()).isEqualTo(codec.decode(json, CLOCK).attributes().toString());
        assertThat(read.get("value").getClass()).isEqualTo(codec.decode(json, CLOCK).attributes().get("value").getClass());
    }

    @Test
    void aLongOrShortAnIntCanHoldIsKeptAsTheIntNodeAParseMakes() {
        ObjectNode written = JsonNodeFactory.instance.objectNode().put("long", 5L).put("short", (short) 7);
        written.putArray("list").add(-3L).add(1L << 40);
        String json = save(decodes, codec, "id", written);

        ObjectNode read = decodes.decode("id", json).attributes();
        assertThat(decodes.decode("id", json).attributes()).as("kept, not parsed").isSameAs(read);
        assertThat(read).isEqualTo(codec.decode(json, CLOCK).attributes());
        assertThat(read.get("long")).isInstanceOf(IntNode.class);
        assertThat(read.get("short")).isInstanceOf(IntNode.class);
        assertThat(read.get("list").get(0)).isInstanceOf(IntNode.class);
        assertThat(read.get("list").get(1)).isInstanceOf(LongNode.class);
    }

    @Test
    void withAMapperThatReadsFloatsAsBigDecimalsNoSavedTreeIsKept() {
        SessionCodec decimals = new SessionCodec(JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build());
        SharedDecodes shared = new SharedDecodes(decimals, CLOCK);
        ObjectNode written = exactTree();
        String json = save(shared, decimals, "id", written);

        assertThat(shared.decode("id", json).attributes().get("ratio")).isInstanceOf(DecimalNode.class);
    }

    @Test
    void onlyTheLatestDecodeWithNoInfinityInItIsFinite() {
        SessionCodec.Decoded finite = decodes.decode("a", SMALL);
        SessionCodec.Decoded overflowing = decodes.decode("b", SMALL.replace("\"n\":1", "\"n\":[1,1e999]"));

        assertThat(decodes.finiteDecode("a", finite.attributes())).isNotNull();
        assertThat(decodes.finiteDecode("b", overflowing.attributes())).isNull();
        assertThat(decodes.finiteDecode("a", finite.attributes().deepCopy())).as("not the shared tree").isNull();
        assertThat(decodes.finiteDecode("c", finite.attributes())).isNull();

        ObjectNode written = exactTree();
        String json = save(decodes, codec, "a", written);
        assertThat(decodes.finiteDecode("a", finite.attributes())).as("replaced by the save").isNull();
        assertThat(decodes.finiteDecode("a", decodes.decode("a", json).attributes())).isNotNull();
    }

    @Test
    void aSavedDocumentsValueTextsComeWithItsFiniteDecodeAndAParsedOneHasNone() {
        String json = save(decodes, codec, "id", exactTree());
        SharedDecodes.Finite saved = decodes.finiteDecode("id", decodes.decode("id", json).attributes());
        assertThat(saved.texts().textOf("list")).isEqualTo("[1,{\"deep\":\"x\"}]");
        assertThat(json).contains("\"list\":" + saved.texts().textOf("list"));

        SharedDecodes.Finite parsed = decodes.finiteDecode("other", decodes.decode("other", json).attributes());
        assertThat(parsed.texts()).as("a document read from the store is not searched").isNull();
    }

    @Test
    void anEncodeSearchesEveryValueButThoseOfTheFiniteTreeForNaN() {
        ObjectNode finite = JsonNodeFactory.instance.objectNode();
        finite.putArray("shared").add(Double.NaN);
        ObjectNode attributes = JsonNodeFactory.instance.objectNode();
        attributes.set("shared", finite.get("shared"));
        attributes.putArray("own").add(Double.NaN);

        assertThat(codec.encode(cookie(), attributes, null)).contains("\"shared\":[null],\"own\":[null]");
        assertThat(codec.encode(cookie(), attributes, finite)).as("trusted, so written as Jackson writes it")
                .contains("\"shared\":[\"NaN\"],\"own\":[null]");
    }
}
