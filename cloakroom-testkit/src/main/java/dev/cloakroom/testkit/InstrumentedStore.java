package dev.cloakroom.testkit;

import dev.cloakroom.EnumerableSessionStore;
import dev.cloakroom.SessionStore;
import dev.cloakroom.SessionStoreException;
import dev.cloakroom.StoredSession;
import dev.cloakroom.TouchedSession;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real store with counters and switches, for tests that must see how often the store is used,
 * that a save finishes before the response leaves, or what happens when the store is down. Every
 * call is passed to the wrapped store; nothing is faked. Thread-safe. Every id it is given is
 * recorded in {@link SeenSessionIds}, so the log check searches for ids never sent to a client too.
 *
 * <p>The enumeration methods pass through when the wrapped store is an
 * {@link EnumerableSessionStore} and throw {@link UnsupportedOperationException} otherwise; they
 * are not counted.
 */
public final class InstrumentedStore implements EnumerableSessionStore {

    private final SessionStore delegate;
    private final AtomicInteger gets = new AtomicInteger();
    private final AtomicInteger sets = new AtomicInteger();
    private final AtomicInteger touches = new AtomicInteger();
    private final AtomicInteger readTouches = new AtomicInteger();
    private final AtomicInteger destroys = new AtomicInteger();
    private volatile Duration setDelay = Duration.ZERO;
    private volatile Set<Operation> failing = EnumSet.noneOf(Operation.class);

    /** The store calls a test can make fail; {@code replace} counts as {@link #SET}. */
    public enum Operation {
        /** {@code get}: loading a session. */
        GET,
        /** {@code set} and {@code replace}: writing a whole document. */
        SET,
        /** {@code touch}: moving the expiry of an unchanged session. */
        TOUCH,
        /** {@code destroy}: deleting a session. */
        DESTROY
    }

    /**
     * A store that counts and passes every call to {@code delegate}.
     *
     * @param delegate the real store
     */
    public InstrumentedStore(SessionStore delegate) {
        this.delegate = delegate;
    }

    /** {@return the wrapped store, for reads a test must not count} */
    public SessionStore delegate() {
        return delegate;
    }

    /** {@return how many {@code get} calls were made} */
    public int gets() {
        return gets.get();
    }

    /** {@return how many {@code set} and {@code replace} calls were made} */
    public int sets() {
        return sets.get();
    }

    /** {@return how many {@code touch} calls were made} */
    public int touches() {
        return touches.get();
    }

    /** {@return how many of the {@link #touches()} rode in a read ({@code getAndTouch})} */
    public int readTouches() {
        return readTouches.get();
    }

    /** {@return how many {@code destroy} calls were made} */
    public int destroys() {
        return destroys.get();
    }

    /** {@return all counted calls: get, set, touch and destroy; a touch that rode in a get is one call} */
    public int calls() {
        return gets() + sets() + touches() - readTouches() + destroys();
    }

    /** Zeroes every counter, e.g. after a test has set up its sessions. */
    public void resetCounts() {
        gets.set(0);
        sets.set(0);
        touches.set(0);
        readTouches.set(0);
        destroys.set(0);
    }

    /**
     * Makes every {@code set} wait this long before writing, so a test can check the response
     * does not leave before the save finished. {@link Duration#ZERO} turns it off.
     *
     * @param delay how long each write waits
     */
    public void delaySets(Duration delay) {
        this.setDelay = delay == null ? Duration.ZERO : delay;
    }

    /**
     * While on, every counted call throws {@link SessionStoreException}, as a store that is down.
     * Its message and its cause's name the session id, as a driver echoing a key ({@code sess:<id>})
     * would, so a test can check that Cloakroom keeps the id out of what it throws and logs.
     *
     * @param failing {@code true} to fail every call from now, {@code false} to pass them on again
     */
    public void failEveryCall(boolean failing) {
        this.failing = failing ? EnumSet.allOf(Operation.class) : EnumSet.noneOf(Operation.class);
    }

    /**
     * Makes only these calls throw, as {@link #failEveryCall} does, and lets every other call
     * through: a store that reads but cannot write, say. No operations turns failing off.
     *
     * @param operations the calls that fail from now on
     */
    public void failOnly(Operation... operations) {
        EnumSet<Operation> chosen = EnumSet.noneOf(Operation.class);
        chosen.addAll(Arrays.asList(operations));
        this.failing = chosen;
    }

    /** {@return whether any call is switched to fail} */
    public boolean isFailing() {
        return !failing.isEmpty();
    }

    private void checkFailing(Operation kind, String operation, String id) {
        SeenSessionIds.record(id);
        if (failing.contains(kind)) {
            throw new SessionStoreException("instrumented store is switched to fail (" + operation + ") for session " + id,
                    new IllegalStateException("server reply: key sess:" + id + " is unavailable"));
        }
    }

    @Override
    public Optional<StoredSession> get(String id) {
        gets.incrementAndGet();
        checkFailing(Operation.GET, "get", id);
        return delegate.get(id);
    }

    /**
     * Counted as a get, and also as a touch when the store moved the expiry in the same call, so
     * {@link #touches()} counts every moved expiry however it travelled. Fails as a get, and as a
     * touch once the store touched: a store whose reply to a touching read was lost.
     */
    @Override
    public Optional<TouchedSession> getAndTouch(String id, Instant touchTo, Duration touchAfter) {
        gets.incrementAndGet();
        checkFailing(Operation.GET, "get", id);
        Optional<TouchedSession> read = delegate.getAndTouch(id, touchTo, touchAfter);
        if (read.isPresent() && read.get().touched()) {
            touches.incrementAndGet();
            readTouches.incrementAndGet();
            checkFailing(Operation.TOUCH, "touch", id);
        }
        return read;
    }

    @Override
    public void set(String id, StoredSession session) {
        sets.incrementAndGet();
        checkFailing(Operation.SET, "set", id);
        pause();
        delegate.set(id, session);
    }

    private void pause() {
        Duration delay = setDelay;
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SessionStoreException("interrupted while delaying a write", e);
            }
        }
    }

    /** Counted as a set: both write a whole document. The set delay applies too. */
    @Override
    public boolean replace(String id, String expectedJson, StoredSession session) {
        sets.incrementAndGet();
        checkFailing(Operation.SET, "replace", id);
        pause();
        return delegate.replace(id, expectedJson, session);
    }

    @Override
    public void touch(String id, StoredSession session) {
        touches.incrementAndGet();
        checkFailing(Operation.TOUCH, "touch", id);
        delegate.touch(id, session);
    }

    @Override
    public void destroy(String id) {
        destroys.incrementAndGet();
        checkFailing(Operation.DESTROY, "destroy", id);
        delegate.destroy(id);
    }

    @Override
    public Map<String, StoredSession> all() {
        return enumerable().all();
    }

    @Override
    public Set<String> ids() {
        return enumerable().ids();
    }

    @Override
    public long length() {
        return enumerable().length();
    }

    @Override
    public void clear() {
        enumerable().clear();
    }

    private EnumerableSessionStore enumerable() {
        if (delegate instanceof EnumerableSessionStore e) {
            return e;
        }
        throw new UnsupportedOperationException(delegate.getClass().getSimpleName() + " cannot list its sessions");
    }
}
