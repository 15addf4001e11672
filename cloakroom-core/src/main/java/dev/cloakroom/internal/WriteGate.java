package dev.cloakroom.internal;

import dev.cloakroom.SessionConflictException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Lets one save of a given session id run at a time in this process, first come first served.
 * Compare-and-set keeps concurrent saves correct on its own, but each one that loses must read the
 * document again and retry, and N requests racing on one session without a queue make on the
 * order of N² attempts. Saves of different sessions never wait for each other; the entry for an
 * id lives only while a save of it is running or waiting.
 *
 * <p>Saves that queue behind one another are combined ({@link #combine}): the save whose turn it
 * is takes every save waiting behind it and writes them all at once, as if one after another, so
 * N requests piled onto one session cost a few writes, and their threads go back to the server
 * together instead of one write at a time.
 *
 * <p>A save waits at most {@link #MAX_WAIT_MILLIS}, then gives up with
 * {@link SessionConflictException}: a request piling onto a session that is saved in a long queue
 * should hand its thread back to the server, where other requests need it, rather than hold it.
 */
final class WriteGate {

    /** How long a save waits for earlier saves of the same session in this process. */
    static final long MAX_WAIT_MILLIS = 5_000;

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        final ConcurrentLinkedQueue<Ticket<?>> waiting = new ConcurrentLinkedQueue<>();
        int users;
    }

    /**
     * One save waiting in {@link #combine}: the one that runs it completes it with its outcome.
     *
     * @param <R> what the save answers
     */
    abstract static class Ticket<R> {
        private static final int WAITING = 0;
        private static final int TAKEN = 1;
        private static final int ABANDONED = 2;

        private final AtomicInteger state = new AtomicInteger(WAITING);
        private final CompletableFuture<R> outcome = new CompletableFuture<>();
        /** The request's thread, woken when its save is done or its turn has come. */
        private final Thread thread = Thread.currentThread();

        /** Completes this save with {@code result}. */
        final void succeed(R result) {
            outcome.complete(result);
            LockSupport.unpark(thread);
        }

        /** Completes this save with {@code failure}, which its own request throws. */
        final void fail(RuntimeException failure) {
            outcome.completeExceptionally(failure);
            LockSupport.unpark(thread);
        }

        final boolean isDone() {
            return outcome.isDone();
        }

        boolean take() {
            return state.compareAndSet(WAITING, TAKEN);
        }

        boolean abandon() {
            return state.compareAndSet(WAITING, ABANDONED);
        }

        /** The outcome, waiting for it if another thread is still running this save. */
        R outcome(long timeoutMillis) {
            try {
                return outcome.get(timeoutMillis, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (TimeoutException e) {
                throw new SessionConflictException("gave up waiting " + timeoutMillis
                        + " ms for a combined save of this session to finish");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SessionConflictException("interrupted while waiting for other saves of this session");
            }
        }
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /** {@return whether a save of {@code id} is running or waiting here now} A hint: it may change at once. */
    boolean busy(String id) {
        return entries.containsKey(id);
    }

    /** {@return how many saves of {@code id} wait in {@link #combine} now} For tests. */
    int waiting(String id) {
        Entry entry = entries.get(id);
        return entry == null ? 0 : entry.waiting.size();
    }

    /** Runs {@code save} in {@code id}'s turn, alone. */
    <T> T run(String id, Supplier<T> save) {
        Entry entry = enter(id);
        try {
            lock(entry);
            try {
                return save.get();
            } finally {
                entry.lock.unlock();
                wakeNext(entry);
            }
        } finally {
            leave(id);
        }
    }

    /**
     * Queues {@code mine} for {@code id} and returns its outcome. A save finding no save running
     * takes every save then waiting (its own first, then in arrival order) and hands them to
     * {@code batch}, which must complete each one; the others sleep until theirs is done or it is
     * their turn to take the next batch. Nobody queues on the lock itself: a batch's saves all go
     * back to their requests at once, not one lock hand-over at a time.
     */
    <R, T extends Ticket<R>> R combine(String id, T mine, Consumer<List<T>> batch) {
        Entry entry = enter(id);
        try {
            entry.waiting.add(mine);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS);
            while (!mine.isDone()) {
                if (entry.lock.tryLock()) {
                    boolean led = false;
                    try {
                        if (!mine.isDone() && mine.take()) {
                            lead(entry, mine, batch);
                            led = true;
                        }
                    } finally {
                        entry.lock.unlock();
                    }
                    wakeNext(entry);
                    if (!led) {
                        // Taken by a batch that has ended (the lock was free): its outcome is set, or
                        // comes within the bound; never loop back, which would spin on the free lock.
                        return mine.outcome(MAX_WAIT_MILLIS);
                    }
                    continue;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || Thread.currentThread().isInterrupted()) {
                    if (mine.abandon()) {
                        entry.waiting.remove(mine);
                        // This save may have been the one woken to take the next batch: pass that on.
                        wakeNext(entry);
                        throw new SessionConflictException(Thread.currentThread().isInterrupted()
                                ? "interrupted while waiting for other saves of this session; nothing was saved"
                                : "gave up waiting " + MAX_WAIT_MILLIS + " ms for other saves of this session; nothing was saved");
                    }
                    // Another save took this one and is writing it now: its outcome comes shortly.
                    return mine.outcome(MAX_WAIT_MILLIS);
                }
                LockSupport.parkNanos(this, left);
            }
            return mine.outcome(MAX_WAIT_MILLIS);
        } finally {
            leave(id);
        }
    }

    @SuppressWarnings("unchecked")
    private static <R, T extends Ticket<R>> void lead(Entry entry, T mine, Consumer<List<T>> batch) {
        List<T> taken = new ArrayList<>();
        taken.add(mine);
        for (Ticket<?> t; (t = entry.waiting.poll()) != null; ) {
            if (t != mine && t.take()) {
                taken.add((T) t);
            }
        }
        try {
            batch.accept(taken);
        } catch (RuntimeException e) {
            // A store failure, say: every save it took ends with it, none is left waiting.
            taken.forEach(t -> t.fail(e));
        } finally {
            // A batch must complete every save it took; one it left (an Error, a bug) fails rather than hangs.
            for (T t : taken) {
                if (!t.isDone()) {
                    t.fail(new SessionConflictException("a combined save ended without this save's outcome; nothing is known to be saved"));
                }
            }
        }
    }

    /** Wakes the first save still waiting, after a turn ended, so that it takes the next batch. */
    private static void wakeNext(Entry entry) {
        for (Ticket<?> t : entry.waiting) {
            if (!t.isDone()) {
                LockSupport.unpark(t.thread);
                return;
            }
        }
    }

    private Entry enter(String id) {
        return entries.compute(id, (k, e) -> {
            Entry held = e != null ? e : new Entry();
            held.users++;
            return held;
        });
    }

    private void leave(String id) {
        entries.computeIfPresent(id, (k, e) -> --e.users == 0 ? null : e);
    }

    private static void lock(Entry entry) {
        try {
            if (!entry.lock.tryLock(MAX_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new SessionConflictException("gave up waiting " + MAX_WAIT_MILLIS
                        + " ms for other saves of this session; nothing was saved");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionConflictException("interrupted while waiting for other saves of this session; nothing was saved");
        }
    }
}
