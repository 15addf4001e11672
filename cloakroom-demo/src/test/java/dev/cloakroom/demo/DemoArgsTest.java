package dev.cloakroom.demo;

import dev.cloakroom.SecureMode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoArgsTest {

    private static DemoConfig parse(String... args) throws UsageException {
        return DemoArgs.parse(args, Map.of());
    }

    @Nested
    class WhenNoFlagsAreGiven {

        @Test
        void usesTheDocumentedDefaults() throws UsageException {
            DemoConfig config = parse();

            assertThat(config.port()).isEqualTo(3000);
            assertThat(config.maxAge()).isEqualTo(Duration.ofMillis(1_800_000));
            assertThat(config.rolling()).isFalse();
            assertThat(config.cookieSecure()).isEqualTo(SecureMode.AUTO);
            assertThat(config.trustProxy()).isFalse();
            assertThat(config.cookieName()).isEqualTo("connect.sid");
            assertThat(config.store()).isEqualTo("memory");
            assertThat(config.passwordIterations()).isEqualTo(PasswordHasher.DEFAULT_ITERATIONS);
        }

        @Test
        void offersOnlyTheDefaultAdminAndSaysSo() throws UsageException {
            DemoConfig config = parse();

            assertThat(config.users()).containsExactly(new DemoConfig.Credential("admin", "secret"));
            assertThat(config.defaultUsers()).isTrue();
        }

        @Test
        void generatesARandomSecretAndSaysSo() throws UsageException {
            DemoConfig first = parse();
            DemoConfig second = parse();

            assertThat(first.secretGenerated()).isTrue();
            assertThat(first.secrets()).hasSize(1);
            assertThat(first.secrets().get(0)).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(second.secrets().get(0));
        }

        @Test
        void takesTheSecretFromSessionSecret() throws UsageException {
            DemoConfig config = DemoArgs.parse(new String[0], Map.of("SESSION_SECRET", "from-env"));

            assertThat(config.secrets()).containsExactly("from-env");
            assertThat(config.secretGenerated()).isFalse();
        }
    }

    @Nested
    class WhenFlagsAreGiven {

        @Test
        void readsEveryOne() throws UsageException {
            DemoConfig config = parse("--port", "8080", "--max-age=5000", "--rolling", "--cookie-secure", "true",
                    "--trust-proxy", "--name", "sid", "--store", "memory", "--user", "bob:pw", "--secret", "s");

            assertThat(config.port()).isEqualTo(8080);
            assertThat(config.maxAge()).isEqualTo(Duration.ofMillis(5000));
            assertThat(config.rolling()).isTrue();
            assertThat(config.cookieSecure()).isEqualTo(SecureMode.ALWAYS);
            assertThat(config.trustProxy()).isTrue();
            assertThat(config.cookieName()).isEqualTo("sid");
            assertThat(config.users()).containsExactly(new DemoConfig.Credential("bob", "pw"));
            assertThat(config.defaultUsers()).isFalse();
        }

        /** Every form of {@code --store} the README's flag table lists. */
        @ParameterizedTest
        @ValueSource(strings = {"memory", "redis://localhost:6379", "redis://localhost:6379/2", "rediss://cache.example:6380",
                "redis-sentinel://h1:26379,h2:26379/0#mymaster", "redis-cluster://h1:7000,h2:7001",
                "jdbc:postgresql://db/app", "jdbc:mysql://db/app", "jdbc:mariadb://db/app", "jdbc:h2:file:./data/sessions",
                "jdbc:sqlite:./data/sessions.db", "mongodb://localhost:27017/app"})
        void acceptsEveryDocumentedStore(String store) throws UsageException {
            assertThat(parse("--store", store).store()).isEqualTo(store);
        }

        @Test
        void keepsRepeatedSecretsInOrderForRotation() throws UsageException {
            DemoConfig config = parse("--secret", "new", "--secret=old", "--secret", "older");

            assertThat(config.secrets()).containsExactly("new", "old", "older");
        }

        @Test
        void prefersTheSecretFlagOverTheEnvironment() throws UsageException {
            DemoConfig config = DemoArgs.parse(new String[] {"--secret", "flag"}, Map.of("SESSION_SECRET", "env"));

            assertThat(config.secrets()).containsExactly("flag");
        }

        @Test
        void splitsAUserAtTheFirstColonSoPasswordsMayContainOne() throws UsageException {
            assertThat(parse("--user", "carol:a:b").users()).containsExactly(new DemoConfig.Credential("carol", "a:b"));
        }

        @Test
        void mapsCookieSecureFalseAndAuto() throws UsageException {
            assertThat(parse("--cookie-secure", "false").cookieSecure()).isEqualTo(SecureMode.NEVER);
            assertThat(parse("--cookie-secure", "auto").cookieSecure()).isEqualTo(SecureMode.AUTO);
        }

        @Test
        void hidesSecretsAndPasswordsFromToString() throws UsageException {
            assertThat(parse("--secret", "hunter2-secret", "--user", "bob:hunter2-pw").toString())
                    .doesNotContain("hunter2");
        }
    }

    @Nested
    class WhenAFlagIsBad {

        @ParameterizedTest
        @ValueSource(strings = {"--nope", "--port=x", "--port=70000", "--port=-1", "--max-age=0", "--max-age=soon",
                "--cookie-secure=maybe", "--user=nocolon", "--user=:pw", "--user=bob:", "--secret=", "--name=a;b",
                "--name=", "--rolling=yes", "positional"})
        void throwsAUsageException(String arg) {
            assertThatThrownBy(() -> parse(arg))
                    .isInstanceOf(UsageException.class)
                    .satisfies(e -> assertThat(((UsageException) e).isHelp()).isFalse());
        }

        @Test
        void throwsWhenAValueIsMissing() {
            assertThatThrownBy(() -> parse("--port")).isInstanceOf(UsageException.class).hasMessageContaining("--port");
        }

        @Test
        void throwsForAUserGivenTwice() {
            assertThatThrownBy(() -> parse("--user", "bob:a", "--user", "bob:b")).isInstanceOf(UsageException.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"redis", "redis://", "jdbc:h2:mem:x", "jdbc:h2:file:",
                "jdbc:oracle:thin:@db:1521:x", "postgres://db/app", "mongo://db", "Memory", ""})
        void refusesAStoreItCannotOpenAndListsTheChoices(String store) {
            assertThatThrownBy(() -> parse("--store", store))
                    .isInstanceOf(UsageException.class)
                    .hasMessageContaining("--store")
                    .hasMessageContaining("redis://")
                    .hasMessageContaining("jdbc:h2:file:PATH");
        }

        @Test
        void refusesAnInMemorySqliteDatabaseThatEachPooledConnectionWouldSeeEmpty() {
            assertThatThrownBy(() -> parse("--store", "jdbc:sqlite::memory:"))
                    .isInstanceOf(UsageException.class)
                    .hasMessageContaining("jdbc:sqlite:PATH");
        }
    }

    @Nested
    class WhenAStoreIsNamed {

        @ParameterizedTest
        @ValueSource(strings = {"memory", "redis://localhost:6379", "redis://localhost:6379/2", "rediss://cache:6380",
                "redis-sentinel://s1:26379,s2:26379/0#mymaster", "redis-cluster://n1:7000,n2:7001",
                "jdbc:postgresql://db/app?user=app", "jdbc:mysql://db:3306/app", "jdbc:mariadb://db/app",
                "jdbc:h2:file:./data/sessions", "jdbc:sqlite:data/sessions.db", "mongodb://db:27017/app"})
        void keepsTheValueForTheStoreToOpen(String store) throws UsageException {
            assertThat(parse("--store", store).store()).isEqualTo(store);
        }

        @Test
        void letsMariaDbsDriverServeJdbcMysqlUrls() {
            assertThat(DemoStores.jdbcUrl("jdbc:mysql://db/app")).isEqualTo("jdbc:mysql://db/app?permitMysqlScheme");
            assertThat(DemoStores.jdbcUrl("jdbc:mysql://db/app?user=a")).isEqualTo("jdbc:mysql://db/app?user=a&permitMysqlScheme");
            assertThat(DemoStores.jdbcUrl("jdbc:mariadb://db/app")).isEqualTo("jdbc:mariadb://db/app");
        }
    }

    @Nested
    class WhenHelpIsAsked {

        @Test
        void throwsAHelpRequest() {
            assertThatThrownBy(() -> parse("--port", "1", "--help"))
                    .isInstanceOf(UsageException.class)
                    .satisfies(e -> assertThat(((UsageException) e).isHelp()).isTrue());
        }
    }
}
