package dev.cloakroom;

import dev.cloakroom.lifecycle.NoSessionIdInLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MemoryEntry} keeps a document in pieces (Latin-1 bytes, a cookie text shared through
 * {@link CookieTexts}), and gives back exactly the document and expiry it was given.
 */
@ExtendWith(NoSessionIdInLogs.class)
class MemoryEntryTest {

    private static final Instant EXPIRES = Instant.parse("2026-03-01T10:15:30.123456789Z");
    private static final String EXPRESS = "{\"cookie\":{\"originalMaxAge\":1800000,\"expires\":\"2026-03-01T10:15:30.000Z\","
            + "\"secure\":false,\"httpOnly\":true,\"path\":\"/\",\"sameSite\":\"lax\"},\"user\":\"ada\",\"visits\":3}";

    private final CookieTexts texts = new CookieTexts();

    private MemoryEntry entry(String json, Instant expires) {
        return MemoryEntry.of(new StoredSession(json, expires), expires != null ? expires : Instant.EPOCH, null, texts);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            EXPRESS,
            "{\"cookie\":{\"originalMaxAge\":null,\"expires\":null,\"httpOnly\":true,\"path\":\"/\"},\"n\":1}",
            "{\"cookie\":{\"expires\":\"2026-03-01T10:15:30.000Z\",\"path\":\"/a}b\"},\"n\":1}",
            "{\"cookie\":{\"path\":\"/\",\"expires\":\"2026-03-01T10:15:30.000Z\"}}",
            "{\"cookie\":{\"expires\":\"short\"},\"n\":1}",
            "{\"cookie\":{\"expires\":\"2026-03-01T10:15:30.000Z",
            "{\"cookie\":{\"path\":\"/\"",
            "{\"cookie\":{}}",
            "{\"user\":\"ada\",\"cookie\":{\"path\":\"/\"}}",
            "{\"cookie\":{\"path\":\"/\"},\"name\":\"caf\u00e9\"}",
            "{\"cookie\":{\"path\":\"/\"},\"name\":\"\u20ac \uD83C\uDF6A\"}",
            "not json at all",
            ""})
    void givesBackTheDocumentItWasGivenWhateverItsShape(String json) {
        MemoryEntry e = entry(json, EXPIRES);
        assertThat(e.json()).isEqualTo(json);
        assertThat(e.jsonLength()).isEqualTo(json.length());
        assertThat(e.hasJson(json)).isTrue();
        assertThat(e.session()).isEqualTo(new StoredSession(json, EXPIRES));
    }

    @Test
    void sessionsWhoseCookiesDifferOnlyInTheirExpiryShareOneText() {
        for (int day = 1; day <= 28; day++) {
            String json = EXPRESS.replace("2026-03-01", "2026-03-%02d".formatted(day));
            assertThat(entry(json, EXPIRES).json()).isEqualTo(json);
        }
        assertThat(texts.size()).isEqualTo(1);
    }

    @Test
    void aDocumentThatDiffersAnywhereIsNotTheSame() {
        MemoryEntry e = entry(EXPRESS, EXPIRES);
        assertThat(e.hasJson(EXPRESS.replace("10:15:30", "10:15:31"))).as("in the expiry").isFalse();
        assertThat(e.hasJson(EXPRESS.replace("\"lax\"", "\"lay\""))).as("in the shared text").isFalse();
        assertThat(e.hasJson(EXPRESS.replace("ada", "adb"))).as("after the cookie").isFalse();
        assertThat(e.hasJson(EXPRESS + " ")).as("in length").isFalse();
        assertThat(e.hasJson(EXPRESS.replace("ada", "ad\u0101"))).as("beyond Latin-1").isFalse();
    }

    @Test
    void aSessionWithoutAnExpiryGivesNoneBackAndANewExpiryKeepsTheDocument() {
        MemoryEntry e = entry(EXPRESS, null);
        assertThat(e.session().expires()).isNull();
        e.retime(EXPIRES, EXPIRES);
        assertThat(e.session()).isEqualTo(new StoredSession(EXPRESS, EXPIRES));
        assertThat(e.deadline()).isEqualTo(EXPIRES);
        e.retime(null, EXPIRES);
        assertThat(e.session().expires()).isNull();
    }

    @Test
    void aLongDocumentIsKeptAsItsStringAndEveryReadSharesIt() {
        String json = EXPRESS.replace("\"ada\"", "\"" + "a".repeat(MemoryEntry.WHOLE_CHARS) + "\"");
        MemoryEntry e = entry(json, EXPIRES);

        assertThat(e.json()).isSameAs(json);
        assertThat(e.session().json()).isSameAs(e.json());
        assertThat(e.hasJson(new String(json.toCharArray()))).isTrue();
        assertThat(e.jsonLength()).isEqualTo(json.length());
    }

    @Test
    void onceTheTextsAreFullANewCookieShapeIsKeptWhole() {
        for (int i = 0; i < CookieTexts.MAX_TEXTS + 10; i++) {
            String json = EXPRESS.replace("\"path\":\"/\"", "\"path\":\"/app" + i + "\"");
            assertThat(entry(json, EXPIRES).json()).isEqualTo(json);
        }
        assertThat(texts.size()).isEqualTo(CookieTexts.MAX_TEXTS);
    }

    @Test
    void theDeadlineIsKeptToTheNanosecondAndJudgedExactly() {
        MemoryEntry e = entry(EXPRESS, EXPIRES);
        assertThat(e.deadline()).isEqualTo(EXPIRES);
        assertThat(e.liveAt(EXPIRES.minusNanos(1))).isTrue();
        assertThat(e.liveAt(EXPIRES)).isFalse();
        assertThat(entry(EXPRESS, Instant.MAX).deadlineEpochNanos()).isEqualTo(Long.MAX_VALUE);
        assertThat(entry(EXPRESS, Instant.MIN).deadlineEpochNanos()).isEqualTo(Long.MIN_VALUE);
    }
}
