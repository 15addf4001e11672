package dev.cloakroom.bench;

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

import java.util.concurrent.TimeUnit;

/** A new session id: 24 bytes from {@code SecureRandom}, base64url. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xbatch")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class IdBench {

    /** Draws {@link Fixtures#WARM_CALLS} ids before JMH's timed warmup. */
    @Setup
    public void setUp() {
        Fixtures.warm(this::generate);
    }

    /** {@return a fresh id} */
    @Benchmark
    public String generate() {
        return SessionIds.generate();
    }
}
