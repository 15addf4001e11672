package dev.cloakroom.bench;

import dev.cloakroom.internal.SessionCodec;
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
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The stored document through core's codec: decoding splits it into the cookie and the attribute
 * tree, encoding writes them back in express-session's order. A five-attribute session (about 300
 * bytes) and one of about 10 KiB, a cart of 80 items beside the same five.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xbatch")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CodecBench {

    /** Which document: {@code small} (five attributes) or {@code 10KiB}. */
    @Param({"small", "10KiB"})
    public String document;

    private final Clock clock = Clock.systemUTC();
    private SessionCodec codec;
    private String json;
    private SessionCodec.Decoded decoded;

    /** Builds the document and decodes it once, for the encoder's input; then runs both {@link Fixtures#WARM_CALLS} times. */
    @Setup
    public void setUp() {
        codec = new SessionCodec(null);
        var expires = clock.instant().plus(Duration.ofMinutes(30));
        json = document.equals("small") ? Fixtures.fiveAttributes(expires) : Fixtures.tenKiB(expires);
        decoded = codec.decode(json, clock);
        Fixtures.warm(this::decode);
        Fixtures.warm(this::encode);
    }

    /** {@return the document, parsed and split} */
    @Benchmark
    public SessionCodec.Decoded decode() {
        return codec.decode(json, clock);
    }

    /** {@return the cookie and attributes, written as one document} */
    @Benchmark
    public String encode() {
        return codec.encode(decoded.cookie(), decoded.attributes());
    }
}
