package dev.cloakroom.internal;

/**
 * The session events one request still owes its listeners, told when they become true for the
 * store: a generated session is created when its id is first stored, a regeneration happens when
 * the new id is stored, and a session ends when it is destroyed or unset, whether or not its new
 * id was ever stored.
 */
final class OwedEvents {

    private final Events events;
    /** Whether the first store write tells of a new session (generated here, not regenerated). */
    private boolean created;
    /** The stored id a regeneration retired, until the new id is stored or the session ends. */
    private String regeneratedFrom;
    private boolean keptData;

    OwedEvents(Events events) {
        this.events = events;
    }

    /** This request generated a session: its first store write tells of it. */
    void generated() {
        created = true;
    }

    /** The stored session {@code oldId} was retired for a new id, keeping its data or not. */
    void regenerated(String oldId, boolean keepingData) {
        regeneratedFrom = oldId;
        keptData = keepingData;
        created = false;
    }

    /** The first write of {@code id}: a new session, or the new id of a regenerated one. */
    void stored(String id) {
        if (regeneratedFrom != null) {
            events.regenerated(regeneratedFrom, id, keptData);
            regeneratedFrom = null;
        } else if (created) {
            events.created(id);
        }
        created = false;
    }

    /**
     * The application removed session {@code id}: told when it was stored, or when it is the unsaved
     * new id of a regenerated session, whose stored predecessor is what really ended.
     */
    void ended(String id, String cause, boolean wasStored) {
        if (wasStored) {
            events.destroyed(id, cause);
        } else if (regeneratedFrom != null) {
            events.destroyed(regeneratedFrom, cause);
            regeneratedFrom = null;
        }
        created = false;
    }
}
