package dev.cloakroom.internal;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * A process-wide bulkhead for the CPU work on big stored documents: decoding one, encoding one,
 * splicing a retry into one. Documents of {@link #THRESHOLD_CHARS} or more take one of
 * max(1, cores / 2) permits, first come first served, so however many requests pile onto big
 * sessions at once they keep at most half the cores busy and the rest serve every other request.
 * Smaller documents, an express app's usual few hundred bytes, never wait.
 *
 * <p>Only pure computation runs under a permit: never a store call, never a wait for the
 * session's {@link WriteGate}. A permit is taken inside a write's turn but a turn is never taken
 * under a permit, so the two cannot wait for each other.
 */
final class BigDocuments {

    /** 64 Ki chars: a quarter of the default maxSessionBytes, far above what an express session holds. */
    static final int THRESHOLD_CHARS = 64 * 1024;

    private static final Semaphore PERMITS = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), true);

    private BigDocuments() {
    }

    /**
     * {@return what {@code work} computes} Under a permit when {@code chars}, the size of the
     * document it reads or writes, is at least {@link #THRESHOLD_CHARS}.
     */
    static <T> T work(int chars, Supplier<T> work) {
        if (chars < THRESHOLD_CHARS) {
            return work.get();
        }
        PERMITS.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            PERMITS.release();
        }
    }
}
