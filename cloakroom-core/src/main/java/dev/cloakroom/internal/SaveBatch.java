package dev.cloakroom.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import dev.cloakroom.SessionConflictException;
import dev.cloakroom.SessionTooLargeException;
import dev.cloakroom.StoredSession;

import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Saves of one session that queued behind each other in this process, written with one read and
 * one compare-and-set, as if one after another in the order they queued. The current document is
 * decoded once; each save's own changes are applied to it in turn, each save's read check
 * ({@code checkReads}) judged against the document as the saves before it left it; then the
 * result is spliced into the stored text once ({@link OwnChanges}), so attributes none of them
 * changed keep their stored text. The last save's cookie and expiry are written, as they would be
 * by saving one after another.
 *
 * <p>Without this, 400 requests piled onto one big session make 400 reads, splices and writes of
 * the whole document, one at a time, each holding a server thread while it waits for its turn.
 */
final class SaveBatch {

    /** One request's save waiting for its turn: its changes, counted from {@code base}, and the outcome. */
    static final class Pending extends WriteGate.Ticket<Optional<StoreCopy>> {
        final StoreCopy last;
        final ObjectNode ours;
        final CookieState cookie;
        final Instant expires;
        final ReadSet reads;

        Pending(StoreCopy last, ObjectNode ours, CookieState cookie, Instant expires, ReadSet reads) {
            this.last = last;
            this.ours = ours;
            this.cookie = cookie;
            this.expires = expires;
            this.reads = reads;
        }

        ObjectNode base() {
            return last.ours();
        }
    }

    private final SessionEngine engine;
    private final ConflictFreeWriter writer;

    SaveBatch(SessionEngine engine, ConflictFreeWriter writer) {
        this.engine = engine;
        this.writer = writer;
    }

    /** Writes {@code saves} of {@code id} and completes each with its outcome. */
    void write(String id, List<Pending> saves) {
        List<Pending> open = new ArrayList<>(saves);
        for (int attempt = 1; ; attempt++) {
            if (attempt > 1) {
                engine.observation.retry();
            }
            Optional<StoredSession> current = engine.get(id);
            if (current.isEmpty()) {
                open.forEach(p -> p.succeed(Optional.empty()));
                return;
            }
            String stored = current.get().json();
            ObjectNode theirs = writer.attributesOf(id, stored);
            if (Sidecar.isRetired(theirs)) {
                open.forEach(p -> p.succeed(Optional.empty()));
                return;
            }
            OwnChanges.Scanned scanned = BigDocuments.work(stored.length(), () -> OwnChanges.Scanned.of(engine.codec.mapper(), stored));
            Plan plan = plan(scanned, theirs, open, false);
            if (plan.json() != null && !fits(plan.json())) {
                // Together they are over the limit: each save is judged against what those before it left.
                plan = plan(scanned, theirs, open, true);
            }
            plan.refused().forEach((p, why) -> p.fail(why));
            open = plan.kept();
            if (open.isEmpty()) {
                return;
            }
            Pending lastSave = open.get(open.size() - 1);
            String json = plan.json();
            if (engine.replace(id, stored, new StoredSession(json, lastSave.expires))) {
                for (Pending p : open) {
                    p.succeed(Optional.of(StoreCopy.spliced(json, p.ours, text -> writer.attributesOf(id, text))));
                }
                return;
            }
            if (attempt == ConflictFreeWriter.MAX_ATTEMPTS) {
                open.forEach(p -> p.fail(new SessionConflictException("gave up saving the session after "
                        + ConflictFreeWriter.MAX_ATTEMPTS + " attempts, each lost to a concurrent write; nothing was saved")));
                return;
            }
            ConflictFreeWriter.backOff(attempt);
        }
    }

    /** What one attempt writes: the text (null when no save is kept), the saves in it, and those refused, with why. */
    private record Plan(String json, List<Pending> kept, Map<Pending, RuntimeException> refused) {
    }

    /**
     * Applies {@code open} to {@code theirs}, the attributes of the stored text {@code scanned}, in order, each read check judged against the document
     * the saves before it left. With {@code sizeEach}, each save's document is also spliced and
     * held to the size limit, and one over it is refused while the rest go on: as saving one after
     * another would, without a store call per save. Without it, only the last document is made.
     */
    private Plan plan(OwnChanges.Scanned scanned, ObjectNode theirs, List<Pending> open, boolean sizeEach) {
        ObjectNode merged = theirs;
        String json = null;
        List<Pending> kept = new ArrayList<>();
        Map<Pending, RuntimeException> refused = new LinkedHashMap<>();
        Map<JsonNode, String> encodings = new IdentityHashMap<>();
        for (Pending p : open) {
            String conflict = p.reads == null ? null : p.reads.changed(p.base(), ReadSet.attributeNames(merged), merged::get);
            if (conflict != null) {
                refused.put(p, new SessionConflictException(conflict + "; nothing was saved"));
                continue;
            }
            ObjectNode next = ConflictFreeWriter.applyOwnChanges(merged, p.base(), p.ours);
            if (sizeEach) {
                String text = text(scanned, theirs, next, p.cookie, encodings);
                try {
                    writer.checkSize(text);
                } catch (SessionTooLargeException e) {
                    refused.put(p, e);
                    continue;
                }
                json = text;
            }
            merged = next;
            kept.add(p);
        }
        if (!sizeEach && !kept.isEmpty()) {
            json = text(scanned, theirs, merged, kept.get(kept.size() - 1).cookie, encodings);
        }
        return new Plan(json, kept, refused);
    }

    private boolean fits(String json) {
        try {
            writer.checkSize(json);
            return true;
        } catch (SessionTooLargeException e) {
            return false;
        }
    }

    /** {@code stored}, whose attributes are {@code theirs}, with {@code merged}'s attributes and {@code cookie}. */
    private String text(OwnChanges.Scanned stored, ObjectNode theirs, ObjectNode merged, CookieState cookie,
                        Map<JsonNode, String> encodings) {
        OwnChanges changes = new OwnChanges(engine.codec.mapper(), theirs, merged, encodings);
        String cookieJson = engine.codec.cookieJson(cookie);
        int chars = stored.json().length();
        OwnChanges.Applied spliced = BigDocuments.work(chars, () -> changes.applyTo(stored, cookieJson, null));
        if (spliced != null && spliced.json() != null) {
            return spliced.json();
        }
        // Text the splice cannot work on (a Node app's odd document, an unreadable one): encode the tree.
        return BigDocuments.work(chars, () -> engine.codec.encode(cookie, merged));
    }
}
