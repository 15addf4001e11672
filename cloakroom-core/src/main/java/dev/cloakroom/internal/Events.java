package dev.cloakroom.internal;

import dev.cloakroom.SessionEvent;
import dev.cloakroom.SessionListener;
import dev.cloakroom.SweepingSessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Tells the options' {@link SessionListener}s what happened, each in turn, taking ids and handing
 * out fingerprints. A listener that throws costs one WARN line and nothing else: the request, the
 * store write and the other listeners go on. Also the receiver a {@link SweepingSessionStore} reports
 * its expiries to.
 */
public final class Events implements SweepingSessionStore.ExpiryReceiver {

    private static final Logger LOG = LoggerFactory.getLogger("dev.cloakroom");

    private final List<SessionListener> listeners;
    private final Clock clock;

    Events(List<SessionListener> listeners, Clock clock) {
        this.listeners = listeners;
        this.clock = clock;
    }

    /** {@return whether anyone listens} Callers may skip work that only feeds events. */
    public boolean any() {
        return !listeners.isEmpty();
    }

    void created(String id) {
        fire("created", SessionIds.fingerprint(id), null, "request", SessionListener::created);
    }

    void regenerated(String oldId, String newId, boolean keptData) {
        fire("regenerated", SessionIds.fingerprint(newId), SessionIds.fingerprint(oldId),
                keptData ? "change.id" : "regenerate", SessionListener::regenerated);
    }

    void destroyed(String id, String cause) {
        fire("destroyed", SessionIds.fingerprint(id), null, cause, SessionListener::destroyed);
    }

    void expiredOnRead(String id) {
        fire("expired", SessionIds.fingerprint(id), null, "read", SessionListener::expired);
    }

    /**
     * The hook for revocation ("sign out everywhere"): tells listeners one session of a user was
     * ended. It takes a fingerprint, so a caller that holds only the index's fingerprints can report.
     *
     * @param fingerprint the revoked session's {@link SessionIds#fingerprint}
     * @param scope       {@code others}, {@code all} or {@code one}, as {@link SessionListener#revoked} lists
     */
    public void userRevoked(String fingerprint, String scope) {
        fire("revoked", fingerprint, null, scope, SessionListener::revoked);
    }

    @Override
    public void expired(String id) {
        if (any()) {
            fire("expired", SessionIds.fingerprint(id), null, "store", SessionListener::expired);
        }
    }

    @Override
    public void pruned(int count) {
        if (count < 1) {
            return;
        }
        for (SessionListener listener : listeners) {
            try {
                listener.pruned(count, clock.instant());
            } catch (Exception e) {
                LOG.warn("session listener {} failed on pruned ({} sessions); ignored", listener.getClass().getName(), count, e);
            }
        }
    }

    private void fire(String name, String fingerprint, String previous, String cause,
                      BiConsumer<SessionListener, SessionEvent> call) {
        if (listeners.isEmpty()) {
            return;
        }
        SessionEvent event = new SessionEvent(fingerprint, previous, clock.instant(), cause);
        for (SessionListener listener : listeners) {
            try {
                call.accept(listener, event);
            } catch (Exception e) {
                LOG.warn("session listener {} failed on {} for session {}; ignored", listener.getClass().getName(), name, fingerprint, e);
            }
        }
    }
}
