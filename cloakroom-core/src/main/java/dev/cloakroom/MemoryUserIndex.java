package dev.cloakroom;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@link MemoryStore}'s user index: user to session ids, and back. The store calls {@link #put} for
 * every document it keeps and {@link #remove} for every one it drops, however it drops it (destroy,
 * expiry, sweep, eviction, clear), so an entry lives exactly as long as its session and the index is
 * bounded by the store's own bound. Not thread-safe: the store's lock guards it. Kept apart from the
 * store's map so a new map can drive it the same way.
 */
final class MemoryUserIndex {

    private final Map<String, Set<String>> idsByUser = new HashMap<>();
    private final Map<String, String> userById = new HashMap<>();

    /** The session {@code id} now holds {@code session}: index it under the user its document names, if any. */
    void put(String id, StoredSession session) {
        String user = session.boundUser().orElse(null);
        String before = userById.get(id);
        if (user != null && user.equals(before)) {
            return;
        }
        remove(id);
        if (user != null) {
            userById.put(id, user);
            idsByUser.computeIfAbsent(user, u -> new LinkedHashSet<>()).add(id);
        }
    }

    /** The session {@code id} is gone. */
    void remove(String id) {
        String user = userById.remove(id);
        if (user == null) {
            return;
        }
        Set<String> ids = idsByUser.get(user);
        ids.remove(id);
        if (ids.isEmpty()) {
            idsByUser.remove(user);
        }
    }

    /** {@return a copy of the ids indexed under {@code user}} */
    Set<String> idsOf(String user) {
        Set<String> ids = idsByUser.get(user);
        return ids == null ? Set.of() : new LinkedHashSet<>(ids);
    }

    void clear() {
        idsByUser.clear();
        userById.clear();
    }

    /** {@return how many users and indexed sessions are held} For tests that the index stays bounded. */
    int entries() {
        return idsByUser.size() + userById.size();
    }
}
