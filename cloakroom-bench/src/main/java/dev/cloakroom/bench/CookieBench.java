package dev.cloakroom.bench;

import dev.cloakroom.internal.CookieSigner;
import dev.cloakroom.internal.SessionIds;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Signing a session id and verifying a signed one (HMAC-SHA256, one secret), the unit the request
 * benchmarks' targets are counted in.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xbatch")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CookieBench {

    private CookieSigner signer;
    private String id;
    private String signed;

    /** Makes the signer and one signed id; then signs and verifies {@link Fixtures#WARM_CALLS} times. */
    @Setup
    public void setUp() {
        signer = CookieSigner.ofStrings(List.of(Fixtures.SECRET));
        id = SessionIds.generate();
        signed = signer.sign(id);
        Fixtures.warm(this::sign);
        Fixtures.warm(this::verify);
    }

    /** {@return the id, a dot and its signature} */
    @Benchmark
    public String sign() {
        return signer.sign(id);
    }

    /** {@return the id, its signature checked} */
    @Benchmark
    public Optional<CookieSigner.Verified> verify() {
        return signer.verify(signed);
    }
}
