package dev.cloakroom.lifecycle;

import dev.cloakroom.MemoryStore;
import dev.cloakroom.SessionStore;
import dev.cloakroom.StoredSession;
import dev.cloakroom.TouchedSession;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A real {@link MemoryStore} that counts the calls it receives and can be made to fail. The
 * failure names the session id on purpose, in its message and in its cause's, as a driver that
 * echoes a key would, to prove Cloakroom keeps it out of everything it throws and logs. Every id it
 * is given is recorded for {@link NoSessionIdInLogs}.
 */
final class CountingStore implements SessionStore {

    final MemoryStore delegate = MemoryStore.builder().build();
    final AtomicInteger gets = new AtomicInteger();
    final AtomicInteger sets = new AtomicInteger();
    final AtomicInteger touches = new AtomicInteger();
    final AtomicInteger destroys = new AtomicInteger();
    final AtomicInteger replaces = new AtomicInteger();
    /** Reads that moved the expiry themselves ({@code getAndTouch}); counted apart from {@link #touches}. */
    final AtomicInteger readTouches = new AtomicInteger();
    /**
     * Whether reads go to MemoryStore's own {@code getAndTouch}, which moves the expiry in the read;
     * off, the SPI's default (a plain get, then core's touch at commit) is what tests see.
     */
    volatile boolean touchesOnRead;
    volatile boolean failing;
    /** What a failing call throws, given the id: by default a refused connection whose messages name it. */
    volatile Function<String, RuntimeException> failure = id -> new IllegalStateException(
            "connection refused while handling session " + id, new RuntimeException("server said: no such key sess:" + id));
    /** Every compare-and-set fails as if another request had always just written: a session contended without end. */
    volatile boolean losesEveryReplace;

    int calls() {
        return gets.get() + sets.get() + touches.get() + destroys.get();
    }

    void resetCounts() {
        gets.set(0);
        sets.set(0);
        touches.set(0);
        destroys.set(0);
        replaces.set(0);
        readTouches.set(0);
    }

    private void maybeFail(String id) {
        NoSessionIdInLogs.record(id);
        if (failing) {
            throw failure.apply(id);
        }
    }

    @Override
    public Optional<StoredSession> get(String id) {
        gets.incrementAndGet();
        maybeFail(id);
        return delegate.get(id);
    }

    @Override
    public Optional<TouchedSession> getAndTouch(String id, Instant touchTo, Duration touchAfter) {
        if (!touchesOnRead) {
            return SessionStore.super.getAndTouch(id, touchTo, touchAfter);
        }
        gets.incrementAndGet();
        maybeFail(id);
        Optional<TouchedSession> read = delegate.getAndTouch(id, touchTo, touchAfter);
        if (read.isPresent() && read.get().touched()) {
            readTouches.incrementAndGet();
        }
        return read;
    }

    @Override
    public void set(String id, StoredSession session) {
        sets.incrementAndGet();
        maybeFail(id);
        delegate.set(id, session);
    }

    /** A compare-and-set counts as a set: both write a whole document. */
    @Override
    public boolean replace(String id, String expectedJson, StoredSession session) {
        sets.incrementAndGet();
        replaces.incrementAndGet();
        maybeFail(id);
        return !losesEveryReplace && delegate.replace(id, expectedJson, session);
    }

    @Override
    public void touch(String id, StoredSession session) {
        touches.incrementAndGet();
        maybeFail(id);
        delegate.touch(id, session);
    }

    @Override
    public void destroy(String id) {
        destroys.incrementAndGet();
        maybeFail(id);
        delegate.destroy(id);
    }
}
