package dev.cloakroom.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's promises about the pruner's life: it runs every 15 minutes unless told otherwise,
 * on a daemon thread, {@code Duration.ZERO} turns it off, and {@code close()} stops it while the
 * pool stays the application's to close.
 */
class JdbcPrunerTest {

    private static final String PRUNER = "cloakroom-jdbc-pruner";
    private HikariDataSource pool;

    @BeforeEach
    void openPool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:pruner-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        pool = new HikariDataSource(config);
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    private static long pruners() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(PRUNER) && t.isAlive()).peek(t -> assertThat(t.isDaemon()).isTrue()).count();
    }

    private static void awaitPruners(long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (pruners() != expected) {
            assertThat(System.nanoTime()).as("%d pruner threads, expected %d", pruners(), expected).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void byDefaultItRunsEveryFifteenMinutesOnADaemonThreadThatCloseStops() throws Exception {
        long before = pruners();
        JdbcStore store = JdbcStore.builder(pool).createTableIfMissing(true).build();
        assertThat(store.pruneInterval()).isEqualTo(Duration.ofMinutes(15));
        awaitPruners(before + 1);                       // scheduling the task starts its thread at once

        store.close();

        awaitPruners(before);
        assertThat(pool.isClosed()).as("the pool is the application's").isFalse();
        try (Connection c = pool.getConnection()) {
            assertThat(c.isValid(1)).isTrue();
        }
    }

    @Test
    void zeroTurnsItOff() throws Exception {
        long before = pruners();
        try (JdbcStore store = JdbcStore.builder(pool).createTableIfMissing(true).pruneInterval(Duration.ZERO).build()) {
            assertThat(store.pruneInterval()).isEqualTo(Duration.ZERO);
            Thread.sleep(100);
            assertThat(pruners()).isEqualTo(before);
        }
    }
}
