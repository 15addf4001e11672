package dev.cloakroom.internal;

import dev.cloakroom.SessionStore;
import dev.cloakroom.StoreObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Tells the options' {@link StoreObserver}s about store calls. Every method is a no-op without
 * observers; with them, one that throws costs a WARN line and the others are still told.
 */
public final class StoreObservation {

    private static final Logger LOG = LoggerFactory.getLogger("dev.cloakroom");

    private final List<StoreObserver> observers;

    StoreObservation(List<StoreObserver> observers, SessionStore store) {
        this.observers = observers;
        each("attached", o -> o.attached(store));
    }

    /** {@return whether anyone observes} Without observers core takes no timings. */
    boolean any() {
        return !observers.isEmpty();
    }

    void operation(String operation, long nanos, StoreObserver.Outcome outcome) {
        Duration duration = Duration.ofNanos(nanos);
        each(operation, o -> o.operation(operation, duration, outcome));
    }

    void conflict() {
        each("conflict", StoreObserver::conflict);
    }

    void retry() {
        each("retry", StoreObserver::retry);
    }

    void saved(String json) {
        if (any()) {
            int bytes = json.getBytes(StandardCharsets.UTF_8).length;
            each("saved", o -> o.saved(bytes));
        }
    }

    /** An adapter answered 503 because the store failed. */
    public void unavailable() {
        each("unavailable", StoreObserver::unavailable);
    }

    private void each(String what, Consumer<StoreObserver> call) {
        for (StoreObserver observer : observers) {
            try {
                call.accept(observer);
            } catch (Exception e) {
                LOG.warn("store observer {} failed on {}; ignored", observer.getClass().getName(), what, e);
            }
        }
    }
}
