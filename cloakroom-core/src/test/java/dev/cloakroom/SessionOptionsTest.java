package dev.cloakroom;

import dev.cloakroom.lifecycle.NoSessionIdInLogs;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(NoSessionIdInLogs.class)
class SessionOptionsTest {

    private static SessionOptions.Builder valid() {
        return SessionOptions.builder().secret("keyboard cat");
    }

    @Nested
    class WhenTheSecretIsInvalid {

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "   \t\n"})
        void refusesABlankSecretNamingTheOption(String blank) {
            assertThatThrownBy(() -> SessionOptions.builder().secret(blank).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("secret must not be blank: use at least 32 random bytes, e.g. from 'openssl rand -base64 32',"
                            + " kept out of source control");
        }

        @Test
        void refusesABlankSecretAmongSeveralSayingWhichOne() {
            assertThatThrownBy(() -> SessionOptions.builder().secrets("x".repeat(32), "  ").build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("secret must not be blank (secret #2 of 2 is)");
        }

        @Test
        void acceptsAShortSecretWhichOnlyWarns() {
            assertThat(SessionOptions.builder().secret("short").build().secretKeys())
                    .containsExactly("short".getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void refusesAnEmptyBinarySecret() {
            assertThatThrownBy(() -> SessionOptions.builder().secret(new byte[0]).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("secret must not be empty: use at least 32 random bytes, e.g. from 'openssl rand -base64 32',"
                            + " kept out of source control");
        }

        @Test
        void refusesAnEmptyBinarySecretAmongSeveralSayingWhichOne() {
            assertThatThrownBy(() -> SessionOptions.builder().secrets(new byte[32], new byte[0]).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("secret must not be empty (secret #2 of 2 is)");
        }

        @Test
        void refusesANullBinarySecret() {
            assertThatThrownBy(() -> SessionOptions.builder().secret((byte[]) null).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret is required");
            assertThatThrownBy(() -> SessionOptions.builder().secrets(new byte[32], null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("secret must not contain null");
        }

        @Test
        void refusesAMissingSecret() {
            assertThatThrownBy(() -> SessionOptions.builder().build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret");
        }

        @Test
        void refusesANullSecret() {
            assertThatThrownBy(() -> SessionOptions.builder().secret((String) null).build())
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
        void refusesSameSiteNoneWithSecureAutoNamingTheFix() {
            assertThatThrownBy(() -> CookieOptions.builder().sameSite(SameSite.NONE).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cookie.sameSite NONE needs cookie.secure ALWAYS, not AUTO: a plain-HTTP request would get"
                            + " SameSite=None without Secure, which browsers drop. Set secure(SecureMode.ALWAYS) (behind a"
                            + " TLS-terminating proxy also proxy(true)), or sameSite(SameSite.AUTO) for None on HTTPS and"
                            + " Lax on plain HTTP");
        }

        @Test
        void acceptsSameSiteNoneWithSecureAlwaysAndPartitionedWithSecureAuto() {
            assertThat(CookieOptions.builder().sameSite(SameSite.NONE).secure(SecureMode.ALWAYS).partitioned(true).build()
                    .sameSite()).contains(SameSite.NONE);
            assertThat(CookieOptions.builder().sameSite(SameSite.AUTO).partitioned(true).build().secure())
                    .isEqualTo(SecureMode.AUTO);
        }

        @Test
        void refusesAnExpiresInThePastNamingTheOption() {
            Instant past = Instant.now().minusSeconds(1);
            assertThatThrownBy(() -> CookieOptions.builder().expires(past).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cookie.expires is in the past (" + past + "): browsers delete such a cookie as it"
                            + " arrives, so no session would be kept. Give a future instant, or use cookie.maxAge for a"
                            + " lifetime counted from each request");
            assertThatThrownBy(() -> valid().cookie(c -> c.expires(Instant.EPOCH)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cookie.expires is in the past");
        }

        @Test
        void acceptsAnExpiresInTheFuture() {
            Instant future = Instant.now().plusSeconds(3600);
            assertThat(CookieOptions.builder().expires(future).build().expires()).contains(future);
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
            assertThat(options.secretKeys()).containsExactly("keyboard cat".getBytes(StandardCharsets.UTF_8));
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
            assertThat(SessionOptions.builder().secrets("new", "old").build().secretKeys())
                    .containsExactly("new".getBytes(StandardCharsets.UTF_8), "old".getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void keepTheirOwnCopyOfABinarySecret() {
            byte[] key = {1, 2, 3};
            SessionOptions options = SessionOptions.builder().secret(key).build();
            key[0] = 9;
            options.secretKeys().get(0)[1] = 9;
            assertThat(options.secretKeys()).containsExactly(new byte[] {1, 2, 3});
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

    @Nested
    class WhenCookieIsCalledMoreThanOnce {

        @Test
        void theSecondCallRefinesTheFirst() {
            CookieOptions c = valid().cookie(b -> b.path("/app").maxAge(Duration.ofMinutes(30)))
                    .cookie(b -> b.secure(SecureMode.ALWAYS)).build().cookieFor(null);
            assertThat(c.path()).isEqualTo("/app");
            assertThat(c.maxAge()).contains(Duration.ofMinutes(30));
            assertThat(c.secure()).isEqualTo(SecureMode.ALWAYS);
        }

        @Test
        void aLaterCallCanChangeWhatAnEarlierOneSet() {
            CookieOptions c = valid().cookie(b -> b.path("/app")).cookie(b -> b.path("/shop")).build().cookieFor(null);
            assertThat(c.path()).isEqualTo("/shop");
            assertThat(c.httpOnly()).as("defaults kept").isTrue();
        }

        @Test
        void aCustomizerRefinesAGivenCookieOptions() {
            CookieOptions given = CookieOptions.builder().domain("example.com").build();
            CookieOptions c = valid().cookie(given).cookie(b -> b.path("/app")).build().cookieFor(null);
            assertThat(c.domain()).contains("example.com");
            assertThat(c.path()).isEqualTo("/app");
        }

        @Test
        void theCombinationIsCheckedAsAWhole() {
            assertThatThrownBy(() -> valid().cookie(b -> b.maxAge(Duration.ofMinutes(5)))
                    .cookie(b -> b.expires(Instant.now().plusSeconds(60))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cookie.maxAge and cookie.expires exclude each other: set one");
        }
    }
}
