package dev.cloakroom.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import dev.cloakroom.SessionConflictException;
import dev.cloakroom.SessionTooLargeException;
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
 *
 * <p>What a conflict costs is bounded. Saves of one session in this process queue in a
 * {@link WriteGate}, so they do not all retry against each other, and saves queued behind one
 * another are written together ({@link SaveBatch}); a retry splices this request's
 * changes into the stored text ({@link OwnChanges}) rather than decoding and encoding the whole
 * document; and after {@link #MAX_ATTEMPTS} attempts, with jittered backoff between them, the save
 * fails with {@link SessionConflictException}. Every document written is first held to
 * {@code maxSessionBytes}, merged ones included.
 */
final class ConflictFreeWriter {

    /**
     * Attempts at one save. In this process saves of a session queue, so a save that lost to one
     * that was ahead of it succeeds at its second attempt; more are needed only when other
     * processes write the same session, and ten attempts with backoff ride out a burst of those.
     */
    static final int MAX_ATTEMPTS = 10;
    /** The first backoff bound, doubled at each further attempt up to {@link #MAX_BACKOFF_NANOS}. */
    private static final long FIRST_BACKOFF_NANOS = 2_000_000L;
    private static final long MAX_BACKOFF_NANOS = 100_000_000L;

    private final SessionEngine engine;
    private final WriteGate gate = new WriteGate();
    private final SaveBatch batch;

    ConflictFreeWriter(SessionEngine engine) {
        this.engine = engine;
        this.batch = new SaveBatch(engine, this);
    }

    /**
     * Refuses {@code json} when it is longer in UTF-8 than {@code maxSessionBytes}.
     *
     * @throws SessionTooLargeException when it is
     */
    void checkSize(String json) {
        int limit = engine.options.maxSessionBytes();
        // A char takes at most 3 bytes (a surrogate pair 4 for 2 chars), so a short document needs no count.
        if ((long) json.length() * 3 <= limit) {
            return;
        }
        long bytes = OwnChanges.utf8Length(json);
        if (bytes > limit) {
            throw new SessionTooLargeException(bytes, limit);
        }
    }

    /**
     * Writes this request's attributes {@code ours} for {@code id} over {@code last}, the document
     * this request last saw, to expire at {@code expires}, and returns what is now stored; empty
     * when the session is gone from the store and nothing was written. With {@code reads}, a
     * document that no longer agrees with what this request read is not written over.
     *
     * @throws SessionTooLargeException  when the document to write is over {@code maxSessionBytes}
     * @throws SessionConflictException when {@code reads} are contradicted, or after {@link #MAX_ATTEMPTS}
     */
    Optional<StoreCopy> write(String id, StoreCopy last, ObjectNode ours, CookieState cookie, Instant expires, ReadSet reads) {
        ObjectNode base = last.ours();
        ObjectNode first;
        if (JsonEquality.same(last.attributes(), base)) {
            first = ours;
        } else {
            refuseIfReadsChanged(reads, base, last.attributes());
            first = applyOwnChanges(last.attributes(), base, ours);
        }
        // With no other save of this session under way, the document is encoded before queueing:
        // it is the costly part, and it needs no turn. With one under way, the document this request
        // loaded is about to be replaced, a compare-and-set against it would fail, and the encoding
        // would only be thrown away (held, meanwhile, by every request in the queue): the turn then
        // starts by reading the current text and splicing into it.
        SessionCodec.Encoded encoded = gate.busy(id) ? null
                : encode(cookie, first, last.json().length(), engine.finiteDecode(id, last.attributes()));
        SaveBatch.Pending mine = new SaveBatch.Pending(last, ours, cookie, expires, reads);
        return gate.combine(id, mine, saves -> {
            if (saves.size() == 1) {
                mine.succeed(writeInTurn(id, last, ours, cookie, expires, reads, first, encoded));
            } else {
                batch.write(id, saves);
            }
        });
    }

    /**
     * The document for {@code attributes}, held to {@code maxSessionBytes}; under a permit when
     * {@code sizeHint} is big. Values shared with {@code finite} (null for none) are not searched
     * for NaN or an infinity, and their text is copied when a save of ours wrote it.
     */
    private SessionCodec.Encoded encode(CookieState cookie, ObjectNode attributes, int sizeHint, SharedDecodes.Finite finite) {
        SessionCodec.Encoded encoded = BigDocuments.work(sizeHint, () -> finite == null
                ? engine.codec.encodeMapped(cookie, attributes, null, null)
                : engine.codec.encodeMapped(cookie, attributes, finite.attributes(), finite.texts()));
        checkSize(encoded.json());
        return encoded;
    }

    /** {@code firstEncoded} is null when the first attempt should start from the current text, not from {@code first}. */
    private Optional<StoreCopy> writeInTurn(String id, StoreCopy last, ObjectNode ours, CookieState cookie, Instant expires,
                                            ReadSet reads, ObjectNode first, SessionCodec.Encoded firstEncoded) {
        ObjectNode base = last.ours();
        ObjectNode candidate = firstEncoded != null ? first : null;
        // The document to write, encoded from candidate; null while the next attempt must read the store first.
        SessionCodec.Encoded encoded = firstEncoded;
        String json = firstEncoded != null ? firstEncoded.json() : null;
        String expected = last.json();
        OwnChanges changes = null;
        String cookieJson = null;
        for (int attempt = 0; ; ) {
            if (json != null) {
                attempt++;
                if (attempt > 1) {
                    engine.observation.retry();
                }
                if (engine.replace(id, expected, new StoredSession(json, expires))) {
                    if (candidate == null) {
                        return Optional.of(StoreCopy.spliced(json, ours, text -> attributesOf(id, text)));
                    }
                    engine.wrote(id, encoded, cookie, candidate);
                    return Optional.of(StoreCopy.written(json, candidate, ours));
                }
                if (attempt == MAX_ATTEMPTS) {
                    throw new SessionConflictException("gave up saving the session after " + MAX_ATTEMPTS
                            + " attempts, each lost to a concurrent write; nothing was saved");
                }
                backOff(attempt);
            }
            Optional<StoredSession> current = engine.get(id);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            expected = current.get().json();
            if (changes == null) {
                changes = new OwnChanges(engine.codec.mapper(), base, ours);
                cookieJson = engine.codec.cookieJson(cookie);
            }
            OwnChanges.Applied applied = splice(changes, expected, cookieJson, reads);
            if (applied != null) {
                if (applied.retired()) {
                    return Optional.empty();
                }
                if (applied.readConflict() != null) {
                    throw new SessionConflictException(applied.readConflict() + "; nothing was saved");
                }
                json = applied.json();
                encoded = null;
                checkSize(json);
                candidate = null;
                continue;
            }
            // Text the splice cannot work on (a Node app's odd document, an unreadable one): merge trees.
            ObjectNode theirs = attributesOf(id, current.get().json());
            if (Sidecar.isRetired(theirs)) {
                return Optional.empty();
            }
            refuseIfReadsChanged(reads, base, theirs);
            candidate = applyOwnChanges(theirs, base, ours);
            encoded = encode(cookie, candidate, expected.length(), null);
            json = encoded.json();
        }
    }

    /** {@link OwnChanges#applyTo}, under a permit when {@code stored} is big. */
    static OwnChanges.Applied splice(OwnChanges changes, String stored, String cookieJson, ReadSet reads) {
        return BigDocuments.work(stored.length(), () -> changes.applyTo(stored, cookieJson, reads));
    }

    private static void refuseIfReadsChanged(ReadSet reads, ObjectNode base, ObjectNode theirs) {
        if (reads == null) {
            return;
        }
        String conflict = reads.changed(base, ReadSet.attributeNames(theirs), theirs::get);
        if (conflict != null) {
            throw new SessionConflictException(conflict + "; nothing was saved");
        }
    }

    /**
     * Waits before the attempt after {@code attempt}: not at all after the first, which in this
     * process lost only to a save that was ahead in the queue; then a random time up to a bound
     * that doubles, so writers from several processes spread out instead of colliding again.
     */
    static void backOff(int attempt) {
        if (attempt < 2) {
            return;
        }
        long bound = Math.min(MAX_BACKOFF_NANOS, FIRST_BACKOFF_NANOS << (attempt - 2));
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(bound));
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
        return gate.run(id, () -> retireInTurn(id, last, cookie));
    }

    private boolean retireInTurn(String id, StoreCopy last, CookieState cookie) {
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
            backOff(attempt);
            Optional<StoredSession> current = engine.get(id);
            if (current.isEmpty() || Sidecar.isRetired(attributesOf(id, current.get().json()))) {
                return false;
            }
            expected = current.get().json();
        }
        throw new SessionConflictException("gave up renewing the session after " + MAX_ATTEMPTS
                + " attempts, each lost to a concurrent write");
    }

    /** The attributes of a document just read; an unreadable one counts as empty. */
    ObjectNode attributesOf(String id, String stored) {
        try {
            return engine.decode(id, stored).attributes();
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
