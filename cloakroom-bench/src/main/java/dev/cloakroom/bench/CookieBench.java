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
 * Signing a session id and verifying a signed one (HMAC-SHA256, one secret). {@code verify} takes
 * in turn two values the signer remembers in the same slot, so neither is ever found there and
 * each call computes the signature: the unit the request benchmarks' targets are counted in.
 * {@code verifyAgain} is one value each time, which the signer remembers, as it does a browser's
 * cookie from one request to the next.
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
    /** Two signed ids that share the signer's slot for remembered values; each call takes the other. */
    private final String[] rivals = new String[2];
    private int next;

    /** Makes the signer and one signed id; then signs and verifies {@link Fixtures#WARM_CALLS} times. */
    @Setup
    public void setUp() {
        signer = CookieSigner.ofStrings(List.of(Fixtures.SECRET));
        id = SessionIds.generate();
        signed = signer.sign(id);
        rivals[0] = signed;
        while (rivals[1] == null) {
            String other = signer.sign(SessionIds.generate());
            if (CookieSigner.slotOf(other) == CookieSigner.slotOf(signed)) {
                rivals[1] = other;
            }
        }
        Fixtures.warm(this::sign);
        Fixtures.warm(this::verify);
        Fixtures.warm(this::verifyAgain);
    }

    /** {@return the id, a dot and its signature} */
    @Benchmark
    public String sign() {
        return signer.sign(id);
    }

    /** {@return an id the signer does not find among those it remembers, its signature computed and checked} */
    @Benchmark
    public Optional<CookieSigner.Verified> verify() {
        next ^= 1;
        return signer.verify(rivals[next]);
    }

    /** {@return the id verified on every call, found among the values the signer remembers} */
    @Benchmark
    public Optional<CookieSigner.Verified> verifyAgain() {
        return signer.verify(signed);
    }
}
