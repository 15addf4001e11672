package dev.cloakroom.micrometer;

import dev.cloakroom.EnumerableSessionStore;
import dev.cloakroom.SessionEvent;
import dev.cloakroom.SessionListener;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.SessionStore;
import dev.cloakroom.StoreObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Session and store meters. One object is the {@link MeterBinder} and also the
 * {@link SessionListener} and {@link StoreObserver} that feed it, so wiring is one line:
 * {@code CloakroomMetrics.install(builder, registry)}. Meters (Micrometer names; each registry
 * renders them its own way, {@code cloakroom_sessions_created_total} in Prometheus):
 *
 * <ul>
 *   <li>{@code cloakroom.sessions.active.current}, a gauge of live sessions, for stores that can
 *       count them ({@link EnumerableSessionStore}). Counting can be costly (Redis scans every
 *       master), so the count is cached for {@link #DEFAULT_ACTIVE_REFRESH} unless set;</li>
 *   <li>counters {@code cloakroom.sessions.created}, {@code .regenerated} (tag {@code cause}:
 *       {@code regenerate}, {@code change.id}), {@code .destroyed} ({@code cause}: {@code destroy},
 *       {@code unset}), {@code .expired} ({@code detected}: {@code read}, {@code store},
 *       {@code prune}) and {@code .revoked} ({@code scope}: {@code others}, {@code all});</li>
 *   <li>{@code cloakroom.store.operations}, a timer per store call, tagged {@code operation}
 *       ({@code get}, {@code set}, {@code replace}, {@code touch}, {@code destroy}) and
 *       {@code outcome} ({@code success}, {@code conflict}, {@code error});</li>
 *   <li>counters {@code cloakroom.store.conflicts} and {@code cloakroom.store.retries}
 *       (compare-and-set saves that lost a race, and the re-tries after them), and
 *       {@code cloakroom.store.unavailable} (requests answered 503 because the store failed);</li>
 *   <li>{@code cloakroom.session.size}, a distribution summary of saved documents, in bytes.</li>
 * </ul>
 * Tags are only these fixed words: never ids, fingerprints or users. Expiries are counted only
 * where the store reports them (see {@link SessionListener}): with Redis or MongoDB,
 * {@code expired} counts only those a read catches.
 *
 * <p>Use one instance per session manager. Events from before {@link #bindTo} are not counted.
 * Each registry it is bound to gets its own meters; binding the same registry again does nothing.
 */
public final class CloakroomMetrics implements MeterBinder, SessionListener, StoreObserver {

    /** How long a counted number of active sessions is reused: 30 seconds. */
    public static final Duration DEFAULT_ACTIVE_REFRESH = Duration.ofSeconds(30);

    private final ActiveSessions active;
    private final List<RegistryMeters> registries = new CopyOnWriteArrayList<>();

    /** Metrics whose active-sessions count is reused for {@link #DEFAULT_ACTIVE_REFRESH}. */
    public CloakroomMetrics() {
        this(DEFAULT_ACTIVE_REFRESH);
    }

    /**
     * Metrics whose active-sessions count is reused for {@code activeRefresh}; zero leaves the
     * gauge out, for a store where even an occasional count is too dear.
     *
     * @param activeRefresh zero or positive
     * @throws IllegalArgumentException if {@code activeRefresh} is negative
     */
    public CloakroomMetrics(Duration activeRefresh) {
        Objects.requireNonNull(activeRefresh, "activeRefresh");
        if (activeRefresh.isNegative()) {
            throw new IllegalArgumentException("activeRefresh must be zero or positive");
        }
        this.active = new ActiveSessions(activeRefresh);
    }

    /**
     * The one line: new metrics, registered on {@code builder} as listener and observer, and bound
     * to {@code registry}.
     *
     * @param builder  the options being built
     * @param registry where the meters go
     * @return the metrics, already bound
     */
    public static CloakroomMetrics install(SessionOptions.Builder builder, MeterRegistry registry) {
        CloakroomMetrics metrics = new CloakroomMetrics();
        metrics.addTo(builder);
        metrics.bindTo(registry);
        return metrics;
    }

    /**
     * Registers these metrics on {@code builder} as its listener and store observer, without binding
     * them; for a container that binds every {@link MeterBinder} itself, as Spring Boot does.
     *
     * @param builder the options being built
     * @return {@code builder}
     */
    public SessionOptions.Builder addTo(SessionOptions.Builder builder) {
        return builder.listener(this).observer(this);
    }

    /** Binding a registry these metrics are already bound to does nothing, so no event counts twice. */
    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        if (registries.stream().anyMatch(m -> m.registry() == registry)) {
            return;
        }
        registries.add(new RegistryMeters(registry));
        active.register(registry);
    }

    /** {@return live sessions as last counted, or NaN while no countable store is known or counting failed} */
    double activeSessions() {
        return active.value();
    }

    @Override
    public void attached(SessionStore store) {
        active.store(store);
    }

    @Override
    public void created(SessionEvent event) {
        registries.forEach(m -> m.count("cloakroom.sessions.created", null, null));
    }

    @Override
    public void regenerated(SessionEvent event) {
        registries.forEach(m -> m.count("cloakroom.sessions.regenerated", "cause", event.cause()));
    }

    @Override
    public void destroyed(SessionEvent event) {
        registries.forEach(m -> m.count("cloakroom.sessions.destroyed", "cause", event.cause()));
    }

    @Override
    public void expired(SessionEvent event) {
        registries.forEach(m -> m.count("cloakroom.sessions.expired", "detected", event.cause()));
    }

    @Override
    public void pruned(int count, Instant time) {
        registries.forEach(m -> m.count("cloakroom.sessions.expired", "detected", "prune", count));
    }

    @Override
    public void revoked(SessionEvent event) {
        registries.forEach(m -> m.count("cloakroom.sessions.revoked", "scope", event.cause()));
    }

    @Override
    public void operation(String operation, Duration duration, Outcome outcome) {
        String result = outcome.name().toLowerCase(Locale.ROOT);
        registries.forEach(m -> m.time(operation, result, duration));
    }

    @Override
    public void conflict() {
        registries.forEach(m -> m.count("cloakroom.store.conflicts", null, null));
    }

    @Override
    public void retry() {
        registries.forEach(m -> m.count("cloakroom.store.retries", null, null));
    }

    @Override
    public void saved(int bytes) {
        registries.forEach(m -> m.size(bytes));
    }

    @Override
    public void unavailable() {
        registries.forEach(m -> m.count("cloakroom.store.unavailable", null, null));
    }
}
