package dev.cloakroom.spring.boot;

import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** spring.data.redis.* as Spring Boot reads them, turned into a URI that Lettuce parses back to the same settings. */
class RedisUrisTest {

    private static String uri(Map<String, String> properties) {
        Binder binder = new Binder(new MapConfigurationPropertySource(properties));
        return RedisUris.from(binder.bind("spring.data.redis", SpringDataRedisSettings.class).orElseGet(SpringDataRedisSettings::new));
    }

    private static RedisCredentials credentials(RedisURI uri) {
        return uri.getCredentialsProvider().resolveCredentials().block();
    }

    private static String password(RedisURI uri) {
        RedisCredentials c = credentials(uri);
        return c.hasPassword() ? new String(c.getPassword()) : null;
    }

    @Test
    void nothingSetIsLocalhostAsInSpringBoot() {
        RedisURI parsed = RedisURI.create(uri(Map.of()));
        assertThat(parsed.getHost()).isEqualTo("localhost");
        assertThat(parsed.getPort()).isEqualTo(6379);
        assertThat(parsed.getDatabase()).isZero();
        assertThat(parsed.isSsl()).isFalse();
    }

    @Test
    void hostPortDatabaseAndCredentials() {
        RedisURI parsed = RedisURI.create(uri(Map.of("spring.data.redis.host", "cache.internal", "spring.data.redis.port", "6380",
                "spring.data.redis.database", "3", "spring.data.redis.username", "shop",
                "spring.data.redis.password", "p@ss:w/rd%1", "spring.data.redis.ssl.enabled", "true")));
        assertThat(parsed.getHost()).isEqualTo("cache.internal");
        assertThat(parsed.getPort()).isEqualTo(6380);
        assertThat(parsed.getDatabase()).isEqualTo(3);
        assertThat(credentials(parsed).getUsername()).isEqualTo("shop");
        assertThat(password(parsed)).isEqualTo("p@ss:w/rd%1");
        assertThat(parsed.isSsl()).isTrue();
    }

    @Test
    void aPasswordWithoutUser() {
        RedisURI parsed = RedisURI.create(uri(Map.of("spring.data.redis.password", "secret")));
        assertThat(credentials(parsed).getUsername()).isNull();
        assertThat(password(parsed)).isEqualTo("secret");
    }

    @Test
    void theUrlWinsOverHostAndPortAndTakesTheDatabaseWhenItNamesNone() {
        RedisURI parsed = RedisURI.create(uri(Map.of("spring.data.redis.url", "redis://:pw@redis.example:7000",
                "spring.data.redis.host", "ignored", "spring.data.redis.database", "2")));
        assertThat(parsed.getHost()).isEqualTo("redis.example");
        assertThat(parsed.getPort()).isEqualTo(7000);
        assertThat(parsed.getDatabase()).isEqualTo(2);
        RedisURI own = RedisURI.create(uri(Map.of("spring.data.redis.url", "redis://redis.example:7000/5",
                "spring.data.redis.database", "2")));
        assertThat(own.getDatabase()).isEqualTo(5);
    }

    @Test
    void sslEnabledTurnsAUrlIntoTls() {
        assertThat(RedisURI.create(uri(Map.of("spring.data.redis.url", "redis://redis.example:6379",
                "spring.data.redis.ssl.enabled", "true"))).isSsl()).isTrue();
    }

    @Test
    void sentinel() {
        RedisURI parsed = RedisURI.create(uri(Map.of("spring.data.redis.sentinel.master", "shop",
                "spring.data.redis.sentinel.nodes", "s1:26379,s2:26380", "spring.data.redis.password", "pw",
                "spring.data.redis.database", "1")));
        assertThat(parsed.getSentinelMasterId()).isEqualTo("shop");
        assertThat(parsed.getSentinels()).extracting(RedisURI::getHost).containsExactly("s1", "s2");
        assertThat(parsed.getSentinels()).extracting(RedisURI::getPort).containsExactly(26379, 26380);
        assertThat(parsed.getDatabase()).isEqualTo(1);
        assertThat(password(parsed)).isEqualTo("pw");
    }

    @Test
    void theDataNodesPasswordIsNotSentToSentinels() {
        RedisURI parsed = RedisURI.create(uri(Map.of("spring.data.redis.sentinel.master", "shop",
                "spring.data.redis.sentinel.nodes", "s1:26379", "spring.data.redis.password", "pw")));
        assertThat(password(parsed.getSentinels().get(0))).isNull();
    }

    @Test
    void aSentinelPasswordCannotBeCarriedAndFailsWithoutRepeatingIt() {
        assertThatThrownBy(() -> uri(Map.of("spring.data.redis.sentinel.master", "shop",
                "spring.data.redis.sentinel.nodes", "s1:26379", "spring.data.redis.sentinel.password", "pw-sentinel-456")))
                .isInstanceOf(CloakroomConfigurationException.class)
                .hasMessageStartingWith("spring.data.redis.sentinel.password")
                .hasMessageNotContaining("pw-sentinel-456");
    }

    @Test
    void aSentinelUsernameCannotBeCarriedEither() {
        assertThatThrownBy(() -> uri(Map.of("spring.data.redis.sentinel.master", "shop",
                "spring.data.redis.sentinel.nodes", "s1:26379", "spring.data.redis.sentinel.username", "watcher")))
                .isInstanceOf(CloakroomConfigurationException.class)
                .hasMessageStartingWith("spring.data.redis.sentinel.username");
    }

    @Test
    void aUsernameWithoutAPasswordFailsNamingBoth() {
        assertThatThrownBy(() -> uri(Map.of("spring.data.redis.username", "shop")))
                .isInstanceOf(CloakroomConfigurationException.class)
                .hasMessageStartingWith("spring.data.redis.username")
                .hasMessageContaining("spring.data.redis.password");
    }

    @Test
    void cluster() {
        assertThat(uri(Map.of("spring.data.redis.cluster.nodes", "n1:7000,n2:7001", "spring.data.redis.password", "pw")))
                .isEqualTo("redis-cluster://pw@n1:7000,n2:7001");
        assertThat(uri(Map.of("spring.data.redis.cluster.nodes", "n1:7000", "spring.data.redis.ssl.enabled", "true")))
                .startsWith("rediss-cluster://");
    }

    @Test
    void aClusterWithADatabaseFails() {
        assertThatThrownBy(() -> uri(Map.of("spring.data.redis.cluster.nodes", "n1:7000", "spring.data.redis.database", "1")))
                .isInstanceOf(CloakroomConfigurationException.class).hasMessageStartingWith("spring.data.redis.database");
    }

    @Test
    void aNodeWithoutPortFailsNamingTheProperty() {
        assertThatThrownBy(() -> uri(Map.of("spring.data.redis.cluster.nodes", "n1")))
                .isInstanceOf(CloakroomConfigurationException.class).hasMessageStartingWith("spring.data.redis.cluster.nodes");
    }

    @Test
    void anSslBundleFails() {
        assertThatThrownBy(() -> uri(Map.of("spring.data.redis.ssl.bundle", "corp")))
                .isInstanceOf(CloakroomConfigurationException.class).hasMessageStartingWith("spring.data.redis.ssl.bundle");
    }

    @Test
    void aUrlOfAnotherSchemeFailsWithoutRepeatingIt() {
        assertThatThrownBy(() -> uri(Map.of("spring.data.redis.url", "http://user:hunter2@redis.example")))
                .isInstanceOf(CloakroomConfigurationException.class)
                .hasMessageStartingWith("spring.data.redis.url").hasMessageNotContaining("hunter2");
    }
}
