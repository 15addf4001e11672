package dev.cloakroom;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionOptionsTest {

    private static SessionOptions.Builder valid() {
        return SessionOptions.builder().secret("keyboard cat");
    }

    @Nested
    class WhenTheSecretIsInvalid {

        @Test
        void refusesAMissingSecret() {
            assertThatThrownBy(() -> SessionOptions.builder().build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret");
        }

        @Test
        void refusesANullSecret() {
            assertThatThrownBy(() -> SessionOptions.builder().secret(null).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret");
        }

        @Test
        void refusesAnEmptyList() {
            assertThatThrownBy(() -> SessionOptions.builder().secrets(List.of()).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret");
        }

        @Test
        void refusesAnEmptyString() {
            assertThatThrownBy(() -> SessionOptions.builder().secret("").build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret");
        }

        @Test
        void refusesAnEmptyStringAmongOthers() {
            assertThatThrownBy(() -> SessionOptions.builder().secrets("new", "").build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret");
        }
    }

    @Nested
    class WhenTheNameIsInvalid {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"a b", "a;b", "a=b", "sid\"", "caf\u00e9", "tab\tname", "a,b"})
        void refusesIt(String name) {
            assertThatThrownBy(() -> valid().name(name).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        }

        @Test
        void acceptsATokenWithDotsAndDashes() {
            assertThat(valid().name("my-app.sid").build().name()).isEqualTo("my-app.sid");
        }
    }

    @Nested
    class WhenACookieOptionIsInvalid {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"app", "/a;b", "/a\nb", "/caf\u00e9"})
        void refusesThePath(String path) {
            assertThatThrownBy(() -> CookieOptions.builder().path(path).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cookie.path");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "a;b", "a b", "exa\rmple.com"})
        void refusesTheDomain(String domain) {
            assertThatThrownBy(() -> CookieOptions.builder().domain(domain).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cookie.domain");
        }

        @ParameterizedTest
        @ValueSource(longs = {0, -1, -60_000})
        void refusesAMaxAgeThatIsNotPositive(long millis) {
            assertThatThrownBy(() -> CookieOptions.builder().maxAge(Duration.ofMillis(millis)).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cookie.maxAge");
        }

        @Test
        void refusesMaxAgeTogetherWithExpires() {
            assertThatThrownBy(() -> CookieOptions.builder().maxAge(Duration.ofMinutes(1)).expires(Instant.EPOCH).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cookie.maxAge").hasMessageContaining("cookie.expires");
        }

        @Test
        void refusesSameSiteNoneWithSecureNever() {
            assertThatThrownBy(() -> CookieOptions.builder().sameSite(SameSite.NONE).secure(false).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cookie.sameSite");
        }

        @Test
        void refusesPartitionedWithSecureNever() {
            assertThatThrownBy(() -> CookieOptions.builder().partitioned(true).secure(SecureMode.NEVER).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cookie.partitioned");
        }

        @Test
        void refusesANullSecureMode() {
            assertThatThrownBy(() -> CookieOptions.builder().secure((SecureMode) null).build())
                    .hasMessageContaining("cookie.secure");
        }

        @Test
        void failsAsSoonAsTheCustomizerBuildsTheCookie() {
            assertThatThrownBy(() -> valid().cookie(c -> c.path("app")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cookie.path");
        }

        @Test
        void acceptsSameSiteNoneAndPartitionedWithSecureAuto() {
            CookieOptions c = CookieOptions.builder().sameSite(SameSite.NONE).partitioned(true).build();
            assertThat(c.secure()).isEqualTo(SecureMode.AUTO);
        }
    }

    @Nested
    class WhenAnotherOptionIsInvalid {

        @Test
        void refusesANegativeTouchAfter() {
            assertThatThrownBy(() -> valid().touchAfter(Duration.ofSeconds(-1)).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("touchAfter");
        }

        @Test
        void refusesANullTouchAfter() {
            assertThatThrownBy(() -> valid().touchAfter(null).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("touchAfter");
        }

        @Test
        void refusesANullUnset() {
            assertThatThrownBy(() -> valid().unset(null).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unset");
        }
    }

    @Nested
    class WhenAMemoryStoreOptionIsInvalid {

        @ParameterizedTest
        @ValueSource(ints = {0, -1})
        void refusesMaxSessionsBelowOne(int max) {
            assertThatThrownBy(() -> MemoryStore.builder().maxSessions(max).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxSessions");
        }

        @Test
        void refusesADefaultTtlThatIsNotPositive() {
            for (Duration ttl : new Duration[] {null, Duration.ZERO, Duration.ofSeconds(-1)}) {
                assertThatThrownBy(() -> MemoryStore.builder().defaultTtl(ttl).build())
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("defaultTtl");
            }
        }

        @Test
        void refusesASweepIntervalBelowOneMillisecond() {
            for (Duration every : new Duration[] {null, Duration.ZERO, Duration.ofNanos(10), Duration.ofSeconds(-1)}) {
                assertThatThrownBy(() -> MemoryStore.builder().sweepInterval(every).build())
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sweepInterval");
            }
        }

        @Test
        void refusesANullClock() {
            assertThatThrownBy(() -> MemoryStore.builder().clock(null).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clock");
        }
    }

    @Nested
    class Defaults {

        private final SessionOptions options = valid().build();

        @Test
        void matchTheJavadoc() {
            assertThat(options.secrets()).containsExactly("keyboard cat");
            assertThat(options.name()).isEqualTo("connect.sid");
            assertThat(options.resave()).isFalse();
            assertThat(options.saveUninitialized()).isFalse();
            assertThat(options.rolling()).isFalse();
            assertThat(options.unset()).isEqualTo(UnsetAction.KEEP);
            assertThat(options.proxy()).isNull();
            assertThat(options.store()).isInstanceOf(MemoryStore.class);
            assertThat(options.objectMapper()).isNull();
            assertThat(options.touchAfter()).isEqualTo(Duration.ZERO);
        }

        @Test
        void giveTheDocumentedCookie() {
            CookieOptions c = CookieOptions.defaults();
            assertThat(c.path()).isEqualTo("/");
            assertThat(c.domain()).isEmpty();
            assertThat(c.httpOnly()).isTrue();
            assertThat(c.secure()).isEqualTo(SecureMode.AUTO);
            assertThat(c.sameSite()).contains(SameSite.LAX);
            assertThat(c.maxAge()).isEmpty();
            assertThat(c.expires()).isEmpty();
            assertThat(c.partitioned()).isFalse();
            assertThat(c.priority()).isEmpty();
        }

        @Test
        void generateIdsOf24RandomBytesInBase64Url() {
            String a = options.newId(null);
            String b = options.newId(null);
            assertThat(a).hasSize(32).matches("[A-Za-z0-9_-]{32}").isNotEqualTo(b);
        }

        @Test
        void keepSecretsInOrderForRotation() {
            assertThat(SessionOptions.builder().secrets("new", "old").build().secrets()).containsExactly("new", "old");
        }

        @Test
        void useTheGivenCookieForEveryRequest() {
            SessionOptions o = valid().cookie(c -> c.maxAge(Duration.ofMinutes(30)).sameSite(SameSite.STRICT)).build();
            CookieOptions c = o.cookieFor(null);
            assertThat(c.maxAge()).contains(Duration.ofMinutes(30));
            assertThat(c.sameSite()).contains(SameSite.STRICT);
            assertThat(c.path()).isEqualTo("/");
        }
    }
}
