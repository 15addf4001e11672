package dev.cloakroom.bench;

import dev.cloakroom.internal.SessionCodec;
import dev.cloakroom.internal.SessionIds;

import java.time.Instant;

/** The secret, ids and stored documents the benchmarks and the memory probe share; public for the benchmarks in other packages. */
public final class Fixtures {

    /** A 32-byte secret, as {@code openssl rand -base64 32} makes; never a real one. */
    public static final String SECRET = "Yl6c9yq2b0m3rQ8Jx1vZkT4sWd7pHn5uGf0aEe2LcMo=";

    private Fixtures() {
    }

    /**
     * {@return a small stored document, about 190 bytes: express-session's cookie object and three
     * attributes, one of them naming user {@code n}, and the locale} Each call builds a new string, as a store holds
     * one per session.
     *
     * @param n a number that makes the document its own
     * @param expires the cookie's expiry
     */
    static String smallDocument(long n, Instant expires) {
        return "{\"cookie\":{\"originalMaxAge\":1800000,\"expires\":\"" + SessionCodec.isoDate(expires)
                + "\",\"secure\":false,\"httpOnly\":true,\"path\":\"/\",\"sameSite\":\"lax\"},"
                + "\"user\":\"customer" + (100_000_000L + n) + "\",\"visits\":" + (n % 1000)
                + ",\"locale\":\"en-GB\"}";
    }

    /**
     * {@return a document with five attributes (strings, a number, a flag and a small object), about 300 bytes}
     *
     * @param expires the cookie's expiry
     */
    static String fiveAttributes(Instant expires) {
        return "{\"cookie\":{\"originalMaxAge\":1800000,\"expires\":\"" + SessionCodec.isoDate(expires)
                + "\",\"secure\":false,\"httpOnly\":true,\"path\":\"/\",\"sameSite\":\"lax\"},"
                + "\"user\":\"alice\",\"visits\":42,\"admin\":false,\"locale\":\"en-GB\","
                + "\"lastPage\":{\"path\":\"/account/orders\",\"at\":\"2026-03-01T10:15:30.000Z\"}}";
    }

    /**
     * {@return a document of about 10 KiB: the five attributes and a cart of 80 line items}
     *
     * @param expires the cookie's expiry
     */
    static String tenKiB(Instant expires) {
        String small = fiveAttributes(expires);
        StringBuilder json = new StringBuilder(small.substring(0, small.length() - 1)).append(",\"cart\":[");
        for (int i = 0; i < 80; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"sku\":\"SKU-").append(100_000 + i).append("\",\"name\":\"Item number ").append(i)
                    .append(" in the cart\",\"quantity\":").append(1 + i % 3).append(",\"price\":\"")
                    .append(9 + i).append(".99\",\"giftWrap\":").append(i % 2 == 0).append('}');
        }
        return json.append("]}").toString();
    }

    /**
     * How many times each benchmark runs its operation in its setup, before JMH's timed warmup. On
     * a busy machine a one-second warmup iteration may run only a few hundred requests, too few
     * for the JIT to compile them, and the measurement then times the interpreter: the reason a
     * modifying request once measured 110-250 µs. With {@code -Xbatch} on the forks, the calls that
     * reach a compile threshold wait for the compiled code, so after these the code is compiled.
     */
    public static final int WARM_CALLS = 20_000;

    /**
     * Runs {@code op} {@link #WARM_CALLS} times.
     *
     * @param op the benchmark's operation
     */
    public static void warm(Runnable op) {
        for (int i = 0; i < WARM_CALLS; i++) {
            op.run();
        }
    }

    /** {@return {@code count} new session ids} */
    static String[] ids(int count) {
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = SessionIds.generate();
        }
        return ids;
    }
}
