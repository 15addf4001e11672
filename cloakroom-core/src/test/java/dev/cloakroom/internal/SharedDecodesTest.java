package dev.cloakroom.internal;

import dev.cloakroom.UnreadableSessionException;
import dev.cloakroom.lifecycle.NoSessionIdInLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One decode of a big document shared by the requests that loaded the same text, each with a copy of its own. */
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
}
