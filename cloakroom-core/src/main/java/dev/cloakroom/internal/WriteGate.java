package dev.cloakroom.internal;

import dev.cloakroom.SessionConflictException;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Lets one save of a given session id run at a time in this process, first come first served.
 * Compare-and-set keeps concurrent saves correct on its own, but each one that loses must read the
 * document again and retry, and N requests racing on one session without a queue make on the
 * order of N² attempts. In a queue each waits without using the CPU and then usually needs one
 * retry. Saves of different sessions never wait for each other; the entry for an id lives only
 * while a save of it is running or waiting.
 *
 * <p>A save waits at most {@link #MAX_WAIT_MILLIS}, then gives up with
 * {@link SessionConflictException}: a request piling onto a session that is saved in a long queue
 * should hand its thread back to the server, where other requests need it, rather than hold it.
 */
final class WriteGate {

    /** How long a save waits for earlier saves of the same session in this process. */
    static final long MAX_WAIT_MILLIS = 5_000;

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock(true);
        int users;
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    <T> T run(String id, Supplier<T> save) {
        Entry entry = entries.compute(id, (k, e) -> {
            Entry held = e != null ? e : new Entry();
            held.users++;
            return held;
        });
        try {
            if (!entry.lock.tryLock(MAX_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new SessionConflictException("gave up waiting " + MAX_WAIT_MILLIS
                        + " ms for other saves of this session; nothing was saved");
            }
            try {
                return save.get();
            } finally {
                entry.lock.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionConflictException("interrupted while waiting for other saves of this session; nothing was saved");
        } finally {
            entries.computeIfPresent(id, (k, e) -> --e.users == 0 ? null : e);
        }
    }
}
