package dev.cloakroom.internal;

import dev.cloakroom.SweepingSessionStore;

import java.lang.ref.WeakReference;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link SweepingSessionStore}'s receivers, held weakly as that interface requires; a receiver
 * that was collected is dropped at the next report. A receiver that throws is skipped silently:
 * core's own receiver never throws, and a store's sweeper thread must not die of someone else's.
 */
public final class ExpiryReceivers {

    private final CopyOnWriteArrayList<WeakReference<SweepingSessionStore.ExpiryReceiver>> receivers =
            new CopyOnWriteArrayList<>();

    /**
     * Adds a receiver, weakly held.
     *
     * @param receiver what to tell
     */
    public void add(SweepingSessionStore.ExpiryReceiver receiver) {
        receivers.add(new WeakReference<>(receiver));
    }

    /** {@return whether anyone is still listening} A sweep can skip collecting ids when not. */
    public boolean any() {
        receivers.removeIf(r -> r.get() == null);
        return !receivers.isEmpty();
    }

    /**
     * Tells every receiver one session expired.
     *
     * @param id the session's id
     */
    public void expired(String id) {
        for (WeakReference<SweepingSessionStore.ExpiryReceiver> r : receivers) {
            SweepingSessionStore.ExpiryReceiver receiver = r.get();
            if (receiver != null) {
                try {
                    receiver.expired(id);
                } catch (RuntimeException e) {
                    // see the class comment
                }
            }
        }
    }

    /**
     * Tells every receiver {@code count} unnamed sessions expired; nothing for zero.
     *
     * @param count how many
     */
    public void pruned(int count) {
        if (count < 1) {
            return;
        }
        for (WeakReference<SweepingSessionStore.ExpiryReceiver> r : receivers) {
            SweepingSessionStore.ExpiryReceiver receiver = r.get();
            if (receiver != null) {
                try {
                    receiver.pruned(count);
                } catch (RuntimeException e) {
                    // see the class comment
                }
            }
        }
    }
}
