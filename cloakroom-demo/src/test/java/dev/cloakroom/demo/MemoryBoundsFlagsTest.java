package dev.cloakroom.demo;

import dev.cloakroom.MemoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --max-sessions} and {@code --max-memory}: parsed, refused with the flag's name, and given to the MemoryStore. */
class MemoryBoundsFlagsTest {

    private static DemoConfig parse(String... args) throws UsageException {
        return DemoArgs.parse(args, Map.of());
    }

    @Test
    void withoutTheFlagsTheStoreKeepsItsOwnDefaults() throws Exception {
        assertThat(parse().memory()).isEqualTo(DemoConfig.MemoryBounds.DEFAULTS);
        try (DemoStores.OpenStore open = DemoStores.open("memory", DemoConfig.MemoryBounds.DEFAULTS)) {
            MemoryStore store = (MemoryStore) open.store();
            assertThat(store.maxSessions()).isEqualTo(100_000);
            assertThat(store.maxBytes()).isEqualTo(Runtime.getRuntime().maxMemory() / 4);
        }
    }

    @Test
    void theFlagsBoundTheMemoryStoreTheDemoOpens() throws Exception {
        DemoConfig config = parse("--max-sessions", "2000", "--max-memory=64m");

        assertThat(config.memory()).isEqualTo(new DemoConfig.MemoryBounds(2000, 64L << 20));
        try (DemoStores.OpenStore open = DemoStores.open(config.store(), config.memory())) {
            MemoryStore store = (MemoryStore) open.store();
            assertThat(store.maxSessions()).isEqualTo(2000);
            assertThat(store.maxBytes()).isEqualTo(64L << 20);
        }
    }

    @ParameterizedTest
    @CsvSource({"65536, 65536", "512k, 524288", "64M, 67108864", "1g, 1073741824"})
    void sizesTakeABinaryUnit(String given, long bytes) throws UsageException {
        assertThat(DemoArgs.size(given)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "many", "1023", "12t", ""})
    void aBadSizeNamesTheFlag(String given) {
        assertThatThrownBy(() -> parse("--max-memory", given)).isInstanceOf(UsageException.class)
                .hasMessageContaining("--max-memory must be a size of at least 1024 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "lots", "1.5"})
    void aBadCountNamesTheFlag(String given) {
        assertThatThrownBy(() -> parse("--max-sessions", given)).isInstanceOf(UsageException.class)
                .hasMessageContaining("--max-sessions must be a whole number of at least 1");
    }

    @Test
    void theBoundsAreRefusedForAnotherStore() {
        assertThatThrownBy(() -> parse("--store", "jdbc:h2:file:/tmp/x", "--max-sessions", "10"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--max-sessions and --max-memory bound the memory store");
    }

    @Test
    void theUsageTextListsBoth() {
        assertThat(DemoArgs.USAGE).contains("--max-sessions N").contains("--max-memory SIZE");
    }
}
