package dev.cloakroom.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The log lines of one engine's store failures: at most one WARN per kind of failure per
 * {@link #INTERVAL}, so an outage costs a line every ten seconds instead of one per request. A kind
 * is the chain of exception classes (the messages name a session, the classes do not). The first
 * failure of a kind is logged at once; a later one once the interval since that kind's last line
 * has passed, saying how many were left out since.
 *
 * <p>The first call that succeeds after a failure logs one INFO line: that the store answers
 * again, how many calls failed and how many of those were not logged. It too comes at most once
 * per interval, and after it every kind's next failure is logged at once, as the start of a new
 * outage. A store that fails every other call (one Redis Cluster shard down) thus costs at most two
 * WARN lines per kind and one INFO line per interval, and a recovery line held back by that limit
 * is written by the first success after it, at most one interval late.
 */
final class StoreFailureLog {

    /** How long a kind of failure stays quiet after its WARN line. */
    static final Duration INTERVAL = Duration.ofSeconds(10);
    /** Beyond this many kinds (a store with unusually varied failures), new ones share one entry. */
    private static final int MAX_KINDS = 32;
    private static final String OTHER_KINDS = "(other kinds)";
    private static final Logger LOG = LoggerFactory.getLogger("dev.cloakroom");

    private final Clock clock;
    private final String storeName;
    private final long intervalMillis = INTERVAL.toMillis();

    /** Guarded by {@code this}, as are the three counters below. */
    private final Map<String, Kind> kinds = new HashMap<>();
    private long failedSinceRecovery;
    private long leftOutSinceRecovery;
    private long firstFailure;
    /** Read without the lock by every successful call: true while a recovery line is owed. */
    private volatile boolean recoveryOwed;
    /** When the next recovery line may be written, in the clock's milliseconds. */
    private volatile long nextRecoveryLine = Long.MIN_VALUE;

    private static final class Kind {
        long lastLine;
        long leftOut;
    }

    StoreFailureLog(String storeName, Clock clock) {
        this.storeName = storeName;
        this.clock = clock;
    }

    /**
     * Logs, or counts, one failed store call.
     *
     * @param operation   the store operation, such as {@code get}
     * @param id          the session id, which only its fingerprint represents in the line
     * @param fingerprint that fingerprint
     * @param failure     what the store threw
     */
    void failed(String operation, String id, String fingerprint, Throwable failure) {
        long now = clock.millis();
        long leftOut;
        synchronized (this) {
            if (!recoveryOwed) {
                firstFailure = now;
                recoveryOwed = true;
            }
            failedSinceRecovery++;
            String key = kindOf(failure);
            Kind kind = kinds.get(key);
            if (kind != null && now >= kind.lastLine && now - kind.lastLine < intervalMillis) {
                kind.leftOut++;
                leftOutSinceRecovery++;
                return;
            }
            if (kind == null) {
                kind = new Kind();
                kinds.put(key, kind);
            }
            leftOut = kind.leftOut;
            kind.lastLine = now;
            kind.leftOut = 0;
        }
        String causes = ScrubbedCauses.of(failure, id);
        if (leftOut == 0) {
            LOG.warn("session store {} failed on {} for session {}: {}", storeName, operation, fingerprint, causes);
        } else {
            LOG.warn("session store {} failed on {} for session {}: {} ({} more failures like this since the last such"
                    + " line were not logged)", storeName, operation, fingerprint, causes, leftOut);
        }
    }

    /** Notes a call the store answered; costs one volatile read unless a recovery line is owed. */
    void succeeded() {
        if (!recoveryOwed) {
            return;
        }
        long now = clock.millis();
        if (now < nextRecoveryLine) {
            return;
        }
        long failed;
        long leftOut;
        long over;
        synchronized (this) {
            if (!recoveryOwed) {
                return;
            }
            failed = failedSinceRecovery;
            leftOut = leftOutSinceRecovery;
            over = Math.max(0, now - firstFailure);
            failedSinceRecovery = 0;
            leftOutSinceRecovery = 0;
            kinds.clear();
            nextRecoveryLine = now + intervalMillis;
            recoveryOwed = false;
        }
        LOG.info("session store {} answers again after {} failed calls over {} ms ({} of them not logged)",
                storeName, failed, over, leftOut);
    }

    /** The exception classes of the chain, outermost first; never a message, which may name a session. */
    private String kindOf(Throwable failure) {
        StringBuilder kind = new StringBuilder();
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 8; t = t.getCause() == t ? null : t.getCause(), depth++) {
            kind.append(depth == 0 ? "" : " <- ").append(t.getClass().getName());
        }
        String key = kind.toString();
        return kinds.size() < MAX_KINDS || kinds.containsKey(key) ? key : OTHER_KINDS;
    }
}
