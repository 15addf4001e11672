package dev.cloakroom.micrometer;

import dev.cloakroom.EnumerableSessionStore;
import dev.cloakroom.SessionStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The active-sessions gauge: the store's count, asked at most once per refresh period, since a
 * count may be a scan of the whole store. The gauge is registered once both a registry and a
 * countable store are known, whichever comes last, and holds its state strongly, so it never
 * reads NaN because the state was collected.
 */
final class ActiveSessions {

    private final long refreshNanos;
    private final boolean enabled;
    private final List<MeterRegistry> waiting = new ArrayList<>();
    private EnumerableSessionStore store;
    private double last = Double.NaN;
    private long countedAt;
    private boolean counted;

    ActiveSessions(Duration refresh) {
        this.enabled = !refresh.isZero();
        this.refreshNanos = refresh.toNanos();
    }

    synchronized void register(MeterRegistry registry) {
        if (!enabled) {
            return;
        }
        if (store != null) {
            gauge(registry);
        } else {
            waiting.add(registry);
        }
    }

    /** The first countable store wins: one metrics object belongs to one session manager. */
    synchronized void store(SessionStore candidate) {
        if (!enabled || store != null || !(candidate instanceof EnumerableSessionStore countable)) {
            return;
        }
        store = countable;
        waiting.forEach(this::gauge);
        waiting.clear();
    }

    private void gauge(MeterRegistry registry) {
        Gauge.builder("cloakroom.sessions.active.current", this, ActiveSessions::value)
                .description("Live sessions in the store, counted at most once per refresh period")
                .baseUnit("sessions")
                .strongReference(true)
                .register(registry);
    }

    synchronized double value() {
        if (store == null) {
            return Double.NaN;
        }
        long now = System.nanoTime();
        if (!counted || now - countedAt >= refreshNanos) {
            counted = true;
            countedAt = now;
            try {
                last = store.length();
            } catch (RuntimeException e) {
                // The store is down: the gauge says "unknown" until the next count succeeds.
                last = Double.NaN;
            }
        }
        return last;
    }
}
