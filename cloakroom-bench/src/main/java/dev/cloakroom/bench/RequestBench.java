package dev.cloakroom.bench;

import dev.cloakroom.MemoryStore;
import dev.cloakroom.Session;
import dev.cloakroom.SessionContext;
import dev.cloakroom.SessionManager;
import dev.cloakroom.SessionOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One whole request through core, without HTTP: open, what the handler does, commit. The options
 * are a typical application's: one secret, a 30-minute cookie, {@code resave} and
 * {@code saveUninitialized} off, a {@link MemoryStore}. The visitor's session holds five attributes.
 * Run with {@code -prof gc} for the bytes each request allocates.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xbatch")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RequestBench {

    private MemoryStore store;
    private SessionManager manager;
    private List<String> cookie;
    private int visits;

    /**
     * Starts the manager and creates the visitor's session, keeping the cookie its response set;
     * then runs the measured request {@link Fixtures#WARM_CALLS} times.
     *
     * @param params which benchmark runs; null runs none
     */
    @Setup
    public void setUp(BenchmarkParams params) {
        store = MemoryStore.builder().build();
        manager = new SessionManager(SessionOptions.builder()
                .secret(Fixtures.SECRET)
                .cookie(c -> c.maxAge(Duration.ofMinutes(30)))
                .store(store)
                .build());
        BenchExchange first = new BenchExchange(List.of());
        SessionContext context = manager.open(first);
        context.session().set("user", "alice").set("visits", 42).set("admin", false).set("locale", "en-GB")
                .set("lastPage", "/account/orders");
        context.commit();
        String setCookie = first.lastSetCookie();
        if (setCookie == null) {
            throw new IllegalStateException("the first request set no cookie");
        }
        cookie = List.of(setCookie.substring(0, setCookie.indexOf(';')));
        String benchmark = params == null ? "" : params.getBenchmark();
        switch (benchmark.substring(benchmark.lastIndexOf('.') + 1)) {
            case "readOnly" -> Fixtures.warm(this::readOnly);
            case "modifying" -> Fixtures.warm(this::modifying);
            case "noCookie" -> Fixtures.warm(this::noCookie);
            case "noSessionUse" -> Fixtures.warm(this::noSessionUse);
            default -> { }
        }
    }

    /** Stops the store's sweep. */
    @TearDown
    public void close() {
        store.close();
    }

    /** {@return what a page that shows the user reads} The session is loaded, read, and touched. */
    @Benchmark
    public Optional<String> readOnly() {
        SessionContext context = manager.open(new BenchExchange(cookie));
        Optional<String> user = context.session().get("user", String.class);
        context.commit();
        return user;
    }

    /** {@return the cookie the response carries} The session is loaded, one attribute changed, and saved. */
    @Benchmark
    public String modifying() {
        BenchExchange exchange = new BenchExchange(cookie);
        SessionContext context = manager.open(exchange);
        context.session().set("visits", ++visits);
        context.commit();
        return exchange.lastSetCookie();
    }

    /**
     * {@return what the page read} A first visit: no cookie, the handler asks for the user, so a
     * session is made (and its id drawn) but, uninitialized, never stored.
     */
    @Benchmark
    public Optional<String> noCookie() {
        SessionContext context = manager.open(new BenchExchange(List.of()));
        Optional<String> user = context.session().get("user", String.class);
        context.commit();
        return user;
    }

    /** {@return the exchange} A signed cookie arrives, but the handler (a static file, say) never asks for its session. */
    @Benchmark
    public BenchExchange noSessionUse() {
        BenchExchange exchange = new BenchExchange(cookie);
        manager.open(exchange).commit();
        return exchange;
    }
}
