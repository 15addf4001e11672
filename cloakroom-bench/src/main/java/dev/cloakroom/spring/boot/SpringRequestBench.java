package dev.cloakroom.spring.boot;

import dev.cloakroom.MemoryStore;
import dev.cloakroom.SessionContext;
import dev.cloakroom.SessionManager;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.bench.BenchExchange;
import dev.cloakroom.bench.Fixtures;
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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One request of a logged-in Spring Security user through core, without HTTP, with the starter's
 * attribute types and mappers: the stored {@code SecurityContext} read untyped, as
 * {@code HttpSession.getAttribute} reads it on every request, then the commit, which must find the
 * context unchanged. {@code readOnly} does only that; {@code modifying} also sets a counter.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xbatch")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SpringRequestBench {

    private static final String CONTEXT = "SPRING_SECURITY_CONTEXT";

    private MemoryStore store;
    private SessionManager manager;
    private List<String> cookie;
    private int visits;

    /** For JMH, which makes the instance. */
    public SpringRequestBench() {
    }

    /**
     * Logs a user in, as Spring Security stores a form login (a user with one role, the web
     * details), keeps the cookie, and warms the measured request.
     *
     * @param params which benchmark runs; null runs none
     */
    @Setup
    public void setUp(BenchmarkParams params) {
        store = MemoryStore.builder().build();
        SessionOptions.Builder options = SessionOptions.builder()
                .secret(Fixtures.SECRET)
                .cookie(c -> c.maxAge(Duration.ofMinutes(30)))
                .store(store);
        new TypedValuesConfigurer(List.of("com.example.shop"), List.of(), getClass().getClassLoader()).apply(options);
        manager = new SessionManager(options.build());
        BenchExchange first = new BenchExchange(List.of());
        SessionContext login = manager.open(first);
        User user = new User("bench", "", AuthorityUtils.createAuthorityList("ROLE_USER"));
        user.eraseCredentials();
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        token.setDetails(new WebAuthenticationDetails("127.0.0.1", null));
        login.session().set(CONTEXT, new SecurityContextImpl(token));
        login.commit();
        String setCookie = first.lastSetCookie();
        if (setCookie == null) {
            throw new IllegalStateException("the login set no cookie");
        }
        cookie = List.of(setCookie.substring(0, setCookie.indexOf(';')));
        if (!"bench".equals(readOnly().getAuthentication().getName())) {
            throw new IllegalStateException("the stored context does not read back");
        }
        String benchmark = params == null ? "" : params.getBenchmark();
        switch (benchmark.substring(benchmark.lastIndexOf('.') + 1)) {
            case "readOnly" -> Fixtures.warm(this::readOnly);
            case "modifying" -> Fixtures.warm(this::modifying);
            default -> { }
        }
    }

    /** Stops the store's sweep. */
    @TearDown
    public void close() {
        store.close();
    }

    /** {@return the logged-in context} A page that only checks who is logged in. */
    @Benchmark
    public SecurityContext readOnly() {
        SessionContext context = manager.open(new BenchExchange(cookie));
        SecurityContext security = (SecurityContext) context.session().get(CONTEXT).orElseThrow();
        context.commit();
        return security;
    }

    /** {@return the logged-in context} A page that also counts the visit. */
    @Benchmark
    public SecurityContext modifying() {
        SessionContext context = manager.open(new BenchExchange(cookie));
        SecurityContext security = (SecurityContext) context.session().get(CONTEXT).orElseThrow();
        context.session().set("visits", ++visits);
        context.commit();
        return security;
    }
}
