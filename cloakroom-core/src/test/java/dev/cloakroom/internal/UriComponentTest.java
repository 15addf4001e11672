package dev.cloakroom.internal;

import dev.cloakroom.lifecycle.NoSessionIdInLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code encodeURIComponent} and {@code decodeURIComponent} as express applies them to cookie values:
 * the same bytes as Node's, strict UTF-8, nothing half-decoded.
 */
@ExtendWith(NoSessionIdInLogs.class)
class UriComponentTest {

    @Test
    void decodesAsciiEscapesInEitherCase() {
        assertThat(UriComponent.decode("s%3Aabc.d%2fe%2F")).contains("s:abc.d/e/");
    }

    @Test
    void decodesMultiByteUtf8() {
        assertThat(UriComponent.decode("caf%C3%A9%20%E2%82%AC%F0%9F%8D%AA")).contains("café €\uD83C\uDF6A");
    }

    @Test
    void encodesAsNodesEncodeUriComponent() {
        // node -e 'console.log(encodeURIComponent("s:id.sig+/= é€\uD83C\uDF6A!~*\x27()\u007f\u0000"))'
        assertThat(UriComponent.encode("s:id.sig+/= é€\uD83C\uDF6A!~*'()\u007f\u0000"))
                .isEqualTo("s%3Aid.sig%2B%2F%3D%20%C3%A9%E2%82%AC%F0%9F%8D%AA!~*'()%7F%00");
    }

    @Test
    void givesBackWhatEncodeWrote() {
        String text = "s:id.sig+/= é€\uD83C\uDF6A";
        assertThat(UriComponent.decode(UriComponent.encode(text))).contains(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "a%3", "%zz", "%3g", "%C3", "%C3%28", "%FF", "%E2%82", "%41é", "%\u0663\u0663"})
    void refusesMalformedEscapesBadUtf8AndRawNonAscii(String text) {
        assertThat(UriComponent.decode(text)).isEmpty();
    }
}
