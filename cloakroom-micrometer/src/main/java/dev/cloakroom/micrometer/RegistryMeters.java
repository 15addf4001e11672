package dev.cloakroom.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One registry's meters. Every meter whose tags are known in advance is registered at once, so a
 * dashboard shows zeros rather than gaps; a tag value Cloakroom adds later is registered when first seen.
 */
final class RegistryMeters {

    private static final String[] OPERATIONS = {"get", "set", "replace", "touch", "destroy"};
    private static final String[] OUTCOMES = {"success", "conflict", "error"};

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final DistributionSummary size;

    RegistryMeters(MeterRegistry registry) {
        this.registry = registry;
        this.size = DistributionSummary.builder("cloakroom.session.size")
                .description("Size of each session document saved to the store")
                .baseUnit("bytes")
                .register(registry);
        counter("cloakroom.sessions.created", null, null);
        for (String cause : new String[] {"regenerate", "change.id"}) {
            counter("cloakroom.sessions.regenerated", "cause", cause);
        }
        for (String cause : new String[] {"destroy", "unset"}) {
            counter("cloakroom.sessions.destroyed", "cause", cause);
        }
        for (String detected : new String[] {"read", "store", "prune"}) {
            counter("cloakroom.sessions.expired", "detected", detected);
        }
        for (String scope : new String[] {"others", "all"}) {
            counter("cloakroom.sessions.revoked", "scope", scope);
        }
        counter("cloakroom.store.conflicts", null, null);
        counter("cloakroom.store.retries", null, null);
        counter("cloakroom.store.unavailable", null, null);
        for (String operation : OPERATIONS) {
            for (String outcome : OUTCOMES) {
                timer(operation, outcome);
            }
        }
    }

    MeterRegistry registry() {
        return registry;
    }

    void count(String name, String tag, String value) {
        count(name, tag, value, 1);
    }

    void count(String name, String tag, String value, double amount) {
        counter(name, tag, value).increment(amount);
    }

    void time(String operation, String outcome, Duration duration) {
        timer(operation, outcome).record(duration);
    }

    void size(int bytes) {
        size.record(bytes);
    }

    private Counter counter(String name, String tag, String value) {
        String key = tag == null ? name : name + '\0' + value;
        return counters.computeIfAbsent(key, k -> {
            Counter.Builder b = Counter.builder(name).description(Descriptions.of(name));
            if (tag != null) {
                b.tag(tag, value);
            }
            return b.register(registry);
        });
    }

    private Timer timer(String operation, String outcome) {
        return timers.computeIfAbsent(operation + '\0' + outcome, k -> Timer.builder("cloakroom.store.operations")
                .description("Calls to the session store, by operation and outcome")
                .tag("operation", operation)
                .tag("outcome", outcome)
                .register(registry));
    }
}
