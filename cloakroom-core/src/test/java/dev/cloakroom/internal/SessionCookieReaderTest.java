package dev.cloakroom.internal;

import dev.cloakroom.lifecycle.NoSessionIdInLogs;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(NoSessionIdInLogs.class)
class SessionCookieReaderTest {

    private static final String NAME = "connect.sid";
    /** From the shared vectors: "apple" signed with "keyboard cat", as express-session sends it. */
    private static final String APPLE = "s%3Aapple.D8Y%2BpkTAmeR0PobOhY4G97PRW%2Bj7bUnP%2F5m6%2FOn1MCU";

    private final SessionCookieReader reader = readerFor("keyboard cat");

    private static SessionCookieReader readerFor(String... secrets) {
        return new SessionCookieReader(NAME, CookieSigner.ofStrings(List.of(secrets)));
    }

    private static String cookieValue(String id, String secret) {
        return UriComponent.encode("s:" + CookieSigner.ofStrings(List.of(secret)).sign(id));
    }

    /**
     * An id whose signed, encoded cookie value is exactly {@code length} characters. Each {@code +}
     * or {@code /} in the signature grows by two when encoded, so try ids until one has neither.
     */
    private static String idGivingValueLength(int length) {
        int idLength = length - "s%3A".length() - 1 - 43;
        for (int i = 0; i < 1000; i++) {
            String id = String.format("%04d", i) + "a".repeat(idLength - 4);
            if (cookieValue(id, "keyboard cat").length() == length) {
                return id;
            }
        }
        throw new AssertionError("no id gives a cookie value of length " + length);
    }

    private Optional<String> read(String... headers) {
        return reader.read(List.of(headers));
    }

    @Nested
    class WhenTheCookieIsValid {

        @Test
        void readsTheId() {
            assertThat(read(NAME + "=" + APPLE)).contains("apple");
        }

        @Test
        void findsItAmongOtherCookies() {
            assertThat(read("theme=dark; " + NAME + "=" + APPLE + "; lang=en")).contains("apple");
        }

        @Test
        void findsItInALaterCookieHeader() {
            assertThat(read("theme=dark", NAME + "=" + APPLE)).contains("apple");
        }

        @Test
        void ignoresCookiesWhoseNameOnlyContainsOurs() {
            assertThat(read("x" + NAME + "=" + cookieValue("other", "keyboard cat") + "; " + NAME + "=" + APPLE))
                    .contains("apple");
        }

        @Test
        void acceptsIdenticalDuplicates() {
            assertThat(read(NAME + "=" + APPLE + "; " + NAME + "=" + APPLE)).contains("apple");
        }

        @Test
        void acceptsAValueOfExactlyTheMaximumLength() {
            String id = idGivingValueLength(SessionCookieReader.MAX_VALUE_LENGTH);
            assertThat(read(NAME + "=" + cookieValue(id, "keyboard cat"))).contains(id);
        }
    }

    @Nested
    class WhenTheCookieIsAbsentOrMalformed {

        @ParameterizedTest
        @ValueSource(strings = {
                "",
                "theme=dark",
                NAME,
                NAME + "=",
                NAME + "=garbage",
                NAME + "=s%3A",
                NAME + "=s%3Aapple",
                NAME + "=s%3Aapple.",
                NAME + "=s%3A.D8Y%2BpkTAmeR0PobOhY4G97PRW%2Bj7bUnP%2F5m6%2FOn1MCU",
                NAME + "=;;;",
        })
        void readsNoSession(String header) {
            assertThat(read(header)).isEmpty();
        }

        @Test
        void readsNoSessionForAnEmptyId() {
            assertThat(read(NAME + "=" + cookieValue("", "keyboard cat"))).isEmpty();
        }
    }

    @Nested
    class WhenTheCookieIsTampered {

        @Test
        void rejectsAChangedId() {
            assertThat(read(NAME + "=" + APPLE.replace("apple", "applf"))).isEmpty();
        }

        @Test
        void rejectsAChangedSignature() {
            assertThat(read(NAME + "=" + APPLE.replace("D8Y", "D8Z"))).isEmpty();
        }

        @Test
        void rejectsATruncatedSignature() {
            assertThat(read(NAME + "=" + APPLE.substring(0, APPLE.length() - 1))).isEmpty();
        }

        @Test
        void rejectsAnExtendedSignature() {
            assertThat(read(NAME + "=" + APPLE + "A")).isEmpty();
        }
    }

    @Nested
    class WhenTheCookieIsOversized {

        @Test
        void rejectsACorrectlySignedValueLongerThan4096() {
            String id = idGivingValueLength(SessionCookieReader.MAX_VALUE_LENGTH + 1);
            assertThat(read(NAME + "=" + cookieValue(id, "keyboard cat"))).isEmpty();
        }
    }

    @Nested
    class WhenTheCookieIsDuplicated {

        @Test
        void rejectsTwoDifferentValuesInOneHeader() {
            assertThat(read(NAME + "=" + APPLE + "; " + NAME + "=" + cookieValue("pear", "keyboard cat"))).isEmpty();
        }

        @Test
        void rejectsTwoDifferentValuesInTwoHeaders() {
            assertThat(read(NAME + "=" + cookieValue("pear", "keyboard cat"), NAME + "=" + APPLE)).isEmpty();
        }

        @Test
        void rejectsAValidValueBesideAGarbageOne() {
            assertThat(read(NAME + "=" + APPLE + "; " + NAME + "=garbage")).isEmpty();
        }
    }

    @Nested
    class WhenTheCookieIsQuotedOrUnsigned {

        @Test
        void rejectsAQuotedValue() {
            assertThat(read(NAME + "=\"" + APPLE + "\"")).isEmpty();
        }

        @Test
        void rejectsAnUnsignedId() {
            assertThat(read(NAME + "=apple")).isEmpty();
        }

        @Test
        void rejectsASignedValueWithoutTheSPrefix() {
            assertThat(read(NAME + "=" + UriComponent.encode(CookieSigner.ofStrings(List.of("keyboard cat")).sign("apple"))))
                    .isEmpty();
        }
    }

    @Nested
    class WhenThePercentEncodingIsBad {

        @ParameterizedTest
        @ValueSource(strings = {
                "s%3Aapple.D8Y%ZZpkTAmeR0PobOhY4G97PRW%2Bj7bUnP%2F5m6%2FOn1MCU",
                "s%3Aapple.D8Y%2BpkTAmeR0PobOhY4G97PRW%2Bj7bUnP%2F5m6%2FOn1MCU%2",
                "s%3Aapple.D8Y%2BpkTAmeR0PobOhY4G97PRW%2Bj7bUnP%2F5m6%2FOn1MCU%",
                "s%3Aap%C3%28ple.D8Y%2BpkTAmeR0PobOhY4G97PRW%2Bj7bUnP%2F5m6%2FOn1MCU",
                "s%3A%E2%82.D8Y%2BpkTAmeR0PobOhY4G97PRW%2Bj7bUnP%2F5m6%2FOn1MCU",
        })
        void readsNoSession(String value) {
            assertThat(read(NAME + "=" + value)).isEmpty();
        }

        @Test
        void readsNoSessionForRawNonAsciiText() {
            assertThat(read(NAME + "=s%3Aäpple.D8Y%2BpkTAmeR0PobOhY4G97PRW%2Bj7bUnP%2F5m6%2FOn1MCU")).isEmpty();
        }
    }

    @Nested
    class WhenSecretsRotate {

        @Test
        void rejectsACookieSignedWithAnUnknownSecret() {
            assertThat(read(NAME + "=" + cookieValue("apple", "another secret"))).isEmpty();
        }

        @Test
        void acceptsACookieSignedWithTheOldSecretWhileItIsStillListed() {
            SessionCookieReader rotated = readerFor("new secret", "keyboard cat");
            assertThat(rotated.read(List.of(NAME + "=" + APPLE))).contains("apple");
        }

        @Test
        void acceptsACookieSignedWithTheNewSecret() {
            SessionCookieReader rotated = readerFor("new secret", "keyboard cat");
            assertThat(rotated.read(List.of(NAME + "=" + cookieValue("apple", "new secret")))).contains("apple");
        }

        @Test
        void rejectsTheOldSecretOnceItIsDropped() {
            SessionCookieReader rotated = readerFor("new secret");
            assertThat(rotated.read(List.of(NAME + "=" + APPLE))).isEmpty();
        }

        @Test
        void signsWithTheFirstSecret() {
            assertThat(CookieSigner.ofStrings(List.of("keyboard cat", "new secret")).sign("apple"))
                    .isEqualTo("apple.D8Y+pkTAmeR0PobOhY4G97PRW+j7bUnP/5m6/On1MCU");
        }
    }
}
