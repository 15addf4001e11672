package dev.cloakroom;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link MemoryStore}'s user index: user to the entries of that user's sessions. The store calls
 * {@link #swap} inside the atomic compute of every write and {@link #remove} from every removal,
 * eviction and expiry included, so an entry lives exactly as long as its session and the index is
 * bounded by the store's own bound.
 *
 * <p>Entries are matched by identity, not by id alone: when a write replaces an entry that had
 * expired, the cache may report the old one's expiry after the new one is indexed, and that report
 * must not drop the new one. Thread-safe; a user's map is changed only inside a compute on its key.
 */
final class MemoryUserIndex {

    private final ConcurrentHashMap<String, ConcurrentHashMap<String, MemoryEntry>> byUser =
            new ConcurrentHashMap<>();

    /** The session {@code id} held {@code before} (or nothing) and now holds {@code after} (or nothing). */
    void swap(String id, MemoryEntry before, MemoryEntry after) {
        if (before != null) {
            remove(id, before);
        }
        if (after != null && after.user() != null) {
            byUser.compute(after.user(), (u, ids) -> {
                ConcurrentHashMap<String, MemoryEntry> held = ids != null ? ids : new ConcurrentHashMap<>();
                held.put(id, after);
                return held;
            });
        }
    }

    /** The session {@code id}, which held {@code entry}, is gone; a newer entry under the same id stays. */
    void remove(String id, MemoryEntry entry) {
        if (entry.user() == null) {
            return;
        }
        byUser.computeIfPresent(entry.user(), (u, ids) -> {
            if (ids.get(id) == entry) {
                ids.remove(id);
            }
            return ids.isEmpty() ? null : ids;
        });
    }

    /** {@return a copy of the entries indexed under {@code user}, by session id} */
    Map<String, MemoryEntry> entriesOf(String user) {
        Map<String, MemoryEntry> ids = byUser.get(user);
        return ids == null ? Map.of() : Map.copyOf(ids);
    }

    /** {@return how many users and indexed sessions are held} For tests that the index stays bounded. */
    int entries() {
        int n = 0;
        for (Map<String, MemoryEntry> ids : byUser.values()) {
            n += 1 + ids.size();
        }
        return n;
    }
}
