package dev.cloakroom.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import dev.cloakroom.SessionStoreException;
import dev.cloakroom.StoredSession;
import dev.cloakroom.UnreadableSessionException;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Saves a loaded session without losing what concurrent requests saved meanwhile. The write is
 * a compare-and-set against the document this request last saw; when another request got there
 * first, the current document is read again and only this request's own changes (attributes it
 * set, changed or removed since it loaded the session) are applied on top. A session that has
 * disappeared meanwhile was destroyed by another request (a logout) and is not brought back.
 */
final class ConflictFreeWriter {

    /** Each failed attempt means another request's write succeeded, so this bound is only hit by a runaway. */
    static final int MAX_ATTEMPTS = 200;

    private final SessionEngine engine;

    ConflictFreeWriter(SessionEngine engine) {
        this.engine = engine;
    }

    /**
     * Writes this request's attributes {@code ours} for {@code id} over {@code last}, the document
     * this request last saw, to expire at {@code expires}, and returns what is now stored; empty when the session is gone from
     * the store and nothing was written.
     */
    Optional<StoreCopy> write(String id, StoreCopy last, ObjectNode ours, CookieState cookie, Instant expires) {
        ObjectNode base = last.ours();
        ObjectNode candidate = JsonEquality.same(last.attributes(), base) ? ours : applyOwnChanges(last.attributes(), base, ours);
        String json = engine.codec.encode(cookie, candidate);
        String expected = last.json();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            if (attempt > 1) {
                engine.observation.retry();
            }
            if (engine.replace(id, expected, new StoredSession(json, expires))) {
                return Optional.of(new StoreCopy(json, candidate, ours));
            }
            Optional<StoredSession> current = engine.get(id);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            ObjectNode theirs = attributesOf(id, current.get());
            if (Sidecar.isRetired(theirs)) {
                return Optional.empty();
            }
            candidate = applyOwnChanges(theirs, base, ours);
            json = engine.codec.encode(cookie, candidate);
            expected = current.get().json();
            if (attempt > 2) {
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(50_000L * attempt));
            }
        }
        throw new SessionStoreException("gave up saving a session after " + MAX_ATTEMPTS + " conflicting writes");
    }

    /**
     * Takes {@code id} out of service before a request gives its session a new id, so that of two
     * requests renewing one session at once (two logins on one planted cookie) exactly one goes
     * on: a compare-and-set swaps {@code last}, the document this request last saw, for a retired
     * one holding no attributes, then the id is destroyed. A plain destroy could not tell the two
     * apart, and both new ids would live. Returns false, writing nothing, when another request got
     * there first: the document is gone (renewed, destroyed or expired) or already retired. A
     * concurrent save of other attributes only means trying again on the newer document.
     */
    boolean retire(String id, StoreCopy last, CookieState cookie) {
        if (Sidecar.isRetired(last.attributes())) {
            return false;
        }
        StoredSession retired = new StoredSession(engine.codec.encode(cookie, Sidecar.retiredAttributes()), cookie.expires);
        String expected = last.json();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            if (engine.replace(id, expected, retired)) {
                engine.destroy(id);
                return true;
            }
            Optional<StoredSession> current = engine.get(id);
            if (current.isEmpty() || Sidecar.isRetired(attributesOf(id, current.get()))) {
                return false;
            }
            expected = current.get().json();
        }
        throw new SessionStoreException("gave up renewing a session after " + MAX_ATTEMPTS + " conflicting writes");
    }

    /** The attributes of a document just read; an unreadable one counts as empty. */
    private ObjectNode attributesOf(String id, StoredSession stored) {
        try {
            return engine.codec.decode(stored.json(), engine.clock).attributes();
        } catch (UnreadableSessionException e) {
            SessionEngine.warnUnreadable(id, e.getMessage());
            return engine.codec.mapper().createObjectNode();
        }
    }

    /**
     * {@code theirs} with every attribute this request set, changed or removed since {@code base}.
     * Cloakroom's sidecar merges one level down, and its type hints one further, so two requests
     * setting different attributes keep both hints.
     */
    static ObjectNode applyOwnChanges(ObjectNode theirs, ObjectNode base, ObjectNode ours) {
        return applyOwnChanges(theirs, base, ours, 0);
    }

    private static ObjectNode applyOwnChanges(ObjectNode theirs, ObjectNode base, ObjectNode ours, int depth) {
        ObjectNode merged = theirs.deepCopy();
        for (String name : base.propertyNames()) {
            if (!ours.has(name)) {
                JsonNode kept = isNested(name, depth) ? mergeNested(merged, name, base, JsonNodeFactory.instance.objectNode(), depth) : null;
                if (kept == null || kept.isEmpty()) {
                    merged.remove(name);
                } else {
                    merged.set(name, kept);
                }
            }
        }
        for (Map.Entry<String, JsonNode> field : ours.properties()) {
            String name = field.getKey();
            JsonNode mine = field.getValue();
            if (JsonEquality.same(mine, base.get(name))) {
                continue;
            }
            JsonNode nested = isNested(name, depth) && mine instanceof ObjectNode o ? mergeNested(merged, name, base, o, depth) : null;
            merged.set(name, nested != null ? nested : mine);
        }
        return merged;
    }

    /** The sidecar, and its type hints one level further down, merge key by key. */
    private static boolean isNested(String name, int depth) {
        return (depth == 0 && Sidecar.KEY.equals(name)) || (depth == 1 && Sidecar.TYPES.equals(name));
    }

    /** {@code name}'s object in {@code merged} with our changes to it applied; null when theirs is no object. */
    private static ObjectNode mergeNested(ObjectNode merged, String name, ObjectNode base, ObjectNode mine, int depth) {
        if (!(merged.get(name) instanceof ObjectNode theirs)) {
            return null;
        }
        ObjectNode b = base.get(name) instanceof ObjectNode bn ? bn : JsonNodeFactory.instance.objectNode();
        return applyOwnChanges(theirs, b, mine, depth + 1);
    }
}
