package dev.cloakroom.spring.boot;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.jackson.SecurityJacksonModules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reading a logged-in user's stored {@code SecurityContext} back, as every request of a Spring
 * Security application on the starter does: the attribute's JSON tree and its type hint, turned
 * into a {@code SecurityContextImpl} by the starter's security mapper, the steps core's untyped
 * read takes. It lives in the starter's package to reach that package-private mapper.
 * {@code mapper=spring-security} is a mapper with Spring Security's modules alone (the starter
 * before it kept their deserializers), {@code mapper=cloakroom} the starter's; on two threads the
 * first also queues on the lock Jackson builds deserializers under.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SpringSecurityContextBench {

    private static final String HINT = SecurityContextImpl.class.getName();

    /** Which mapper: {@code spring-security} (its modules alone) or {@code cloakroom} (the starter's). */
    @Param({"spring-security", "cloakroom"})
    public String mapper;

    private JsonMapper json;
    private JsonNode stored;

    /** For JMH, which makes the instance. */
    public SpringSecurityContextBench() {
    }

    /** Builds the mapper and stores one login, a user with one role, as the starter writes it. */
    @Setup
    public void setUp() {
        ClassLoader loader = getClass().getClassLoader();
        json = switch (mapper) {
            case "spring-security" -> JsonMapper.builder()
                    .addModules(SecurityJacksonModules.getModules(loader, BasicPolymorphicTypeValidator.builder())).build();
            case "cloakroom" -> SecurityMapper.create(loader, List.of("com.example.shop"));
            default -> throw new IllegalArgumentException("mapper=" + mapper);
        };
        User user = new User("bench", "", AuthorityUtils.createAuthorityList("ROLE_USER"));
        user.eraseCredentials();
        stored = json.valueToTree(new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())));
        if (!"bench".equals(read().getAuthentication().getName())) {
            throw new IllegalStateException("the stored context does not read back");
        }
    }

    /** {@return the stored context, read back} */
    @Benchmark
    public SecurityContext read() {
        return json.convertValue(stored, json.getTypeFactory().constructFromCanonical(HINT));
    }

    /** {@return the stored context, read back on each of two threads at once} */
    @Benchmark
    @Threads(2)
    public SecurityContext readTwoThreads() {
        return read();
    }
}
