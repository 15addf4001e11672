package dev.cloakroom.redis;

import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Invalid options fail at build time, naming the option; nothing here needs a server. */
class RedisStoreBuilderTest {

    private static RedisStoreBuilder valid() {
        return RedisStore.builder().uri("redis://127.0.0.1:1");
    }

    @Nested
    class WhenAnOptionIsInvalid {

        @Test
        void aMissingUriIsRefused() {
            assertThatThrownBy(() -> RedisStore.builder().build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uri");
        }

        @Test
        void aUriOfAnotherSchemeIsRefusedWithoutRepeatingIt() {
            assertThatThrownBy(() -> RedisStore.connect("http://user:s3cret@host:80"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("uri")
                    .hasMessageNotContaining("s3cret");
        }

        @org.junit.jupiter.params.ParameterizedTest
        @org.junit.jupiter.params.provider.ValueSource(strings = {"redis://localhost:abc", "redis://:s3cret@localhost:abc/0",
                "rediss://localhost:99999", "redis://localhost:-1", "redis-sentinel://localhost:abc/0#mymaster",
                "redis-cluster://localhost:7000,localhost:abc"})
        void aBadPortIsRefusedNamingTheOption(String uri) {
            String expected = "uri: the port must be a number from 1 to 65535";
            assertThatThrownBy(() -> RedisStore.connect(uri))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(expected).hasMessageNotContaining("s3cret");
            assertThatThrownBy(() -> RedisStore.builder().uri(uri).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(expected);
        }

        @Test
        void anEmptyPrefixIsRefused() {
            assertThatThrownBy(() -> valid().prefix("").build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prefix");
        }

        @Test
        void aZeroOrNegativeTimeoutIsRefused() {
            assertThatThrownBy(() -> valid().timeout(Duration.ZERO).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
            assertThatThrownBy(() -> valid().timeout(Duration.ofSeconds(-1)).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
        }

        @Test
        void aDefaultTtlBelowOneSecondIsRefused() {
            assertThatThrownBy(() -> valid().defaultTtl(Duration.ofMillis(500)).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("defaultTtl");
        }

        @Test
        void aClusterUriWithADatabaseIsRefused() {
            assertThatThrownBy(() -> RedisStore.connect("redis-cluster://127.0.0.1:7000,127.0.0.1:7001/3"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uri");
        }

        @Test
        void aClusterUriWithAnEmptyNodeIsRefused() {
            assertThatThrownBy(() -> RedisStore.connect("redis-cluster://127.0.0.1:7000,"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uri");
        }
    }

    @Nested
    class WhenRedisIsNotRunningAtStartup {

        @Test
        void theStoreIsBuiltAndCallsFailWithAStoreException() {
            try (RedisStore store = RedisStore.builder().uri("redis://127.0.0.1:" + EmbeddedRedis.freePort()).build()) {
                assertThatThrownBy(() -> store.get("x")).isInstanceOf(dev.cloakroom.SessionStoreException.class);
            }
        }
    }

    @Nested
    class WhenAClusterUriIsParsed {

        @Test
        void everySeedNodeIsAHostAndPort() {
            List<RedisURI> seeds = ClusterUri.parse("redis-cluster://:pw@10.0.0.1:7000,10.0.0.2:7001");
            assertThat(seeds).extracting(RedisURI::getHost).containsExactly("10.0.0.1", "10.0.0.2");
            assertThat(seeds).extracting(RedisURI::getPort).containsExactly(7000, 7001);
        }

        @Test
        void rediss_clusterMeansTls() {
            assertThat(ClusterUri.parse("rediss-cluster://10.0.0.1:7000")).allSatisfy(u -> assertThat(u.isSsl()).isTrue());
        }
    }

    @Nested
    class WhenPrefixesAreMadeIntoPatterns {

        @Test
        void globCharactersAreEscaped() {
            assertThat(GlobPattern.startingWith("sess:")).isEqualTo("sess:*");
            assertThat(GlobPattern.startingWith("a*b?[c]\\")).isEqualTo("a\\*b\\?\\[c\\]\\\\*");
        }
    }
}
