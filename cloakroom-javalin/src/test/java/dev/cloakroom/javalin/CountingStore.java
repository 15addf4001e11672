package dev.cloakroom.javalin;

import dev.cloakroom.MemoryStore;
import dev.cloakroom.SessionStore;
import dev.cloakroom.StoredSession;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real {@link MemoryStore} that counts calls, can be switched to fail like an unreachable
 * server, and can be made slow to write so a save that raced the response would show. The failure
 * names the session id in its message and its cause's, as a driver echoing a key would, so a leak
 * of it would show.
 */
final class CountingStore implements SessionStore {

    final MemoryStore delegate = new MemoryStore();
    final AtomicInteger gets = new AtomicInteger();
    final AtomicInteger sets = new AtomicInteger();
    volatile boolean readsFail;
    volatile boolean writesFail;
    volatile long writeDelayMillis;

    @Override
    public Optional<StoredSession> get(String id) {
        gets.incrementAndGet();
        failIf(readsFail, id);
        return delegate.get(id);
    }

    @Override
    public void set(String id, StoredSession session) {
        sets.incrementAndGet();
        failIf(writesFail, id);
        if (writeDelayMillis > 0) {
            try {
                Thread.sleep(writeDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        delegate.set(id, session);
    }

    @Override
    public void destroy(String id) {
        failIf(writesFail, id);
        delegate.destroy(id);
    }

    private static void failIf(boolean failing, String id) {
        if (failing) {
            throw new IllegalStateException("connection refused for session " + id,
                    new RuntimeException("server reply: no key sess:" + id));
        }
    }
}
