package dev.cloakroom.internal;

import dev.cloakroom.lifecycle.NoSessionIdInLogs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default session id, checked on a million of them: what ASVS 7.2.3 asks of a reference token
 * (at least 128 bits from a CSPRNG; Cloakroom uses 192) and what a cookie value needs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(NoSessionIdInLogs.class)
class SessionIdsTest {

    private static final int COUNT = 1_000_000;
    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9_-]{32}");
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /** The first 8 of each id's 24 bytes, sorted. */
    private long[] prefixes;
    /** How often each base64url character appeared at each of the 32 positions. */
    private final int[][] seen = new int[32][128];
    private int misshapen;
    private String firstMisshapen;

    @BeforeAll
    void generateAMillion() {
        prefixes = new long[COUNT];
        Base64.Decoder decoder = Base64.getUrlDecoder();
        for (int i = 0; i < COUNT; i++) {
            String id = SessionIds.generate();
            if (!URL_SAFE.matcher(id).matches()) {
                misshapen++;
                firstMisshapen = firstMisshapen == null ? id : firstMisshapen;
                continue;
            }
            for (int p = 0; p < 32; p++) {
                seen[p][id.charAt(p)]++;
            }
            byte[] bytes = decoder.decode(id);
            assertThat(bytes).hasSize(24);
            prefixes[i] = ByteBuffer.wrap(bytes).getLong();
        }
        Arrays.sort(prefixes);
    }

    @Test
    void everyIdIs32UrlSafeCharactersWithoutPadding() {
        assertThat(misshapen).as("ids not matching %s, the first: %s", URL_SAFE, firstMisshapen).isZero();
    }

    @Test
    void twentyFourBytesAreExactly32Base64urlCharacters() {
        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[24])).hasSize(32);
        assertThat(Base64.getUrlEncoder().encodeToString(new byte[24])).doesNotContain("=");
    }

    /**
     * Distinct 8-byte prefixes imply distinct ids, and say more: a generator with only 64 bits of
     * state, or one that repeats, would fail. A million truly random prefixes coincide with
     * probability below 3 in 100 million, so a failure here is a real finding.
     */
    @Test
    void aMillionIdsAreDistinctEvenInTheirFirstEightBytes() {
        int repeats = 0;
        for (int i = 1; i < COUNT; i++) {
            if (prefixes[i] == prefixes[i - 1]) {
                repeats++;
            }
        }
        assertThat(repeats).as("repeated 64-bit prefixes among %d ids", COUNT).isZero();
    }

    /**
     * 24 bytes fill all 32 characters with 6 random bits each, the last one included; a stuck
     * byte or a narrowed alphabet leaves a character missing somewhere. Each of the 64 characters
     * is expected about 15,600 times at each position.
     */
    @Test
    void everyCharacterAppearsAtEveryPosition() {
        for (int p = 0; p < 32; p++) {
            for (char c : ALPHABET.toCharArray()) {
                assertThat(seen[p][c]).as("'%s' at position %d", c, p).isGreaterThan(COUNT / 64 / 2);
            }
        }
    }

    @Test
    void theFingerprintIsTwelveHexDigitsAndNotTheId() {
        String id = SessionIds.generate();

        assertThat(SessionIds.fingerprint(id)).matches("[0-9a-f]{12}").isNotEqualTo(id.substring(0, 12));
        assertThat(SessionIds.fingerprint(id)).isEqualTo(SessionIds.fingerprint(id));
    }
}
