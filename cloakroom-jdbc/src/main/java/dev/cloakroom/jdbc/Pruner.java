package dev.cloakroom.jdbc;

import dev.cloakroom.SessionStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes a store's expired rows on a fixed delay, on a daemon thread of its own so it never
 * keeps the JVM alive. A failed run (say, the database is down) logs one warning and the next
 * run tries again.
 */
final class Pruner {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);

    private final JdbcStore store;
    private final ScheduledExecutorService executor;
    private final Duration interval;

    Pruner(JdbcStore store, Duration interval) {
        this.store = store;
        this.interval = interval;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cloakroom-jdbc-pruner");
            t.setDaemon(true);
            return t;
        });
        long every = interval.toMillis();
        executor.scheduleWithFixedDelay(this::pruneOnce, every, every, TimeUnit.MILLISECONDS);
    }

    private void pruneOnce() {
        try {
            int removed = store.prune();
            if (removed > 0) {
                LOG.debug("pruned {} expired sessions from {}", removed, store.table());
            }
        } catch (SessionStoreException e) {
            LOG.warn("{}; will retry at the next prune", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("pruning expired sessions from {} failed: {}", store.table(), e.getClass().getName());
        }
    }

    Duration interval() {
        return interval;
    }

    void stop() {
        executor.shutdownNow();
    }
}
