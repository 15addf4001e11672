package dev.cloakroom.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.lang.ref.SoftReference;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decodes a stored document once for the requests that load the same text.
 *
 * <p>A document under {@link BigDocuments#THRESHOLD_CHARS} (nearly every one) is decoded once per
 * text and kept in a small cache of recent documents, one per session, by the session's id: a
 * session read on every request keeps the same text until it is written, as a touch moves only
 * the store's expiry, and a write's new text then takes its session's place instead of adding an
 * entry that something must later evict. Each request gets its own cookie and shares the
 * attribute tree, which nothing in core changes in place (a change makes a new tree). The cache
 * weighs each document by an estimate of its tree and holds at most {@link #RECENT_HEAP_SHARE} of
 * the heap's maximum; finding a document costs a hash of the id and a comparison of the text,
 * against about a microsecond for parsing a small one. A save puts the tree it wrote in its
 * session's place ({@link #wrote}), when that tree is one a parse of the text would give back
 * ({@link ExactTrees}): the next request then finds the tree, and the values read from its
 * unchanged nodes ({@link ValueMapper}), without parsing the document again.
 *
 * <p>A big one is decoded once for all the requests that loaded the same text of the same
 * session: when 400 requests pile onto one session, most of them read one of a few versions, and
 * each decode of a 256 KiB document costs milliseconds of CPU and a tree of its own. The first
 * request to ask decodes (under a {@link BigDocuments} permit); requests asking meanwhile wait
 * for that decode, and later ones reuse it while it is the latest seen for the id. Every request
 * gets its own copy of the tree and cookie, so none sees another's changes.
 *
 * <p>At most {@link #MAX_ENTRIES} decoded big documents are kept, text and tree only softly: the
 * collector clears them before the heap runs short, and a cleared one is decoded again, so what
 * is kept here can never run the heap out. Big trees are copied for each request, as their
 * decode is shared with requests that are still waiting for it.
 */
final class SharedDecodes {

    /** How many sessions' latest big documents are kept; a few suffice, as only piled-on sessions reuse one. */
    static final int MAX_ENTRIES = 16;

    /** The share of the maximum heap the recent small documents' trees may take, by estimate. */
    static final double RECENT_HEAP_SHARE = 1.0 / 64;
    /** Bytes of tree a character of document costs, about, for the cache's weigher. */
    private static final int TREE_BYTES_PER_CHAR = 8;

    private final SessionCodec codec;
    private final Clock clock;
    private final ConcurrentHashMap<String, Shared> byId = new ConcurrentHashMap<>();
    private final Cache<String, Recent> recent;
    /** Whether the codec's mapper reads back what it writes, node for node; if not, nothing is kept from a save. */
    private final boolean mapperKeepsTrees;

    /** A session's latest small document, as text and decoded. */
    private static final class Recent {
        final String json;
        final SessionCodec.Decoded decoded;
        /** Whether the tree holds no NaN or infinity; null until asked. A saved tree holds none ({@link ExactTrees}). */
        volatile Boolean finite;
        /** Where the tree's objects and arrays lie in the text, when a save wrote it; else null. */
        final ValueTexts texts;

        Recent(String json, SessionCodec.Decoded decoded, Boolean finite, ValueTexts texts) {
            this.json = json;
            this.decoded = decoded;
            this.finite = finite;
            this.texts = texts;
        }

        boolean holds(String text) {
            return json == text || json.equals(text);
        }
    }

    /** One decode of one text, finished or under way; text and tree both held softly. */
    private static final class Shared {
        final SoftReference<String> json;
        final CompletableFuture<SoftReference<SessionCodec.Decoded>> decoded = new CompletableFuture<>();

        Shared(String json) {
            this.json = new SoftReference<>(json);
        }

        boolean holds(String text) {
            String json = this.json.get();
            if (json != null && (json == text || (json.length() == text.length() && json.equals(text)))) {
                // A decode whose tree was collected, or that failed, is not reused.
                return !decoded.isDone() || (!decoded.isCompletedExceptionally() && decoded.join().get() != null);
            }
            return false;
        }
    }

    SharedDecodes(SessionCodec codec, Clock clock) {
        this(codec, clock, (long) (Runtime.getRuntime().maxMemory() * RECENT_HEAP_SHARE));
    }

    /** With a budget for the recent small documents' trees, in estimated bytes. */
    SharedDecodes(SessionCodec codec, Clock clock, long recentBytes) {
        this.codec = codec;
        this.clock = clock;
        this.recent = Caffeine.newBuilder().maximumWeight(recentBytes)
                .weigher((String id, Recent r) -> r.json.length() * TREE_BYTES_PER_CHAR)
                .executor(Runnable::run).build();
        this.mapperKeepsTrees = ExactTrees.keptBy(codec.mapper());
    }

    /**
     * {@return the stored document {@code json} of session {@code id}, split into a cookie and
     * attributes of the caller's own}
     *
     * @throws dev.cloakroom.UnreadableSessionException when it is not a session document
     */
    SessionCodec.Decoded decode(String id, String json) {
        if (json.length() < BigDocuments.THRESHOLD_CHARS) {
            Recent known = recent.getIfPresent(id);
            if (known == null || !known.holds(json)) {
                known = new Recent(json, codec.decode(json, clock), null, null);
                recent.put(id, known);
            }
            return new SessionCodec.Decoded(known.decoded.cookie().copy(), known.decoded.attributes());
        }
        Shared fresh = new Shared(json);
        Shared shared = byId.compute(id, (k, s) -> s != null && s.holds(json) ? s : fresh);
        if (shared == fresh) {
            trim();
            SessionCodec.Decoded decoded;
            try {
                decoded = BigDocuments.work(json.length(), () -> codec.decode(json, clock));
            } catch (RuntimeException e) {
                byId.remove(id, fresh);
                fresh.decoded.completeExceptionally(e);
                throw e;
            }
            fresh.decoded.complete(new SoftReference<>(decoded));
            return copyOf(decoded);
        }
        SessionCodec.Decoded decoded;
        try {
            decoded = shared.decoded.join().get();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return decoded != null ? copyOf(decoded) : BigDocuments.work(json.length(), () -> codec.decode(json, clock));
    }

    /**
     * Keeps what a save of session {@code id} just stored, the document {@code written} encoded from
     * {@code cookie} and {@code attributes}, as that session's latest decode, so that the next
     * request reading the same text skips the parse. Only a small document is kept, and only when
     * a parse would give back the same tree. The tree kept is core's own: a node of the session's
     * previous decode is shared when that decode is known to hold no NaN or infinity (nothing
     * changes it in place), and every other node is copied, so nothing a handler still holds is in
     * it.
     */
    void wrote(String id, SessionCodec.Encoded written, CookieState cookie, ObjectNode attributes) {
        String json = written.json();
        if (!mapperKeepsTrees || json.length() >= BigDocuments.THRESHOLD_CHARS) {
            return;
        }
        Recent before = recent.getIfPresent(id);
        // Its nodes are shared only when known to hold no NaN or infinity, which the text has as null.
        ObjectNode previous = before != null && before.finite == Boolean.TRUE ? before.decoded.attributes() : null;
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : attributes.properties()) {
            String name = field.getKey();
            if (SessionCodec.COOKIE_KEY.equals(name)) {
                continue; // encode leaves it out
            }
            JsonNode value = field.getValue();
            if (previous == null || previous.get(name) != value) {
                value = ExactTrees.copyIfExact(value);
                if (value == null) {
                    return;
                }
            }
            kept.set(name, value);
        }
        recent.put(id, new Recent(json, new SessionCodec.Decoded(codec.asStored(cookie, clock), kept), true, written.texts()));
    }

    /**
     * A session's latest small decode, known to hold no NaN or infinity.
     *
     * @param attributes its tree, as handed to requests
     * @param texts      where its objects and arrays lie in its document, when a save wrote that; else null
     */
    record Finite(ObjectNode attributes, ValueTexts texts) {
    }

    /**
     * {@return {@code attributes} as a finite decode when it is session {@code id}'s latest small
     * decode, as handed to requests, and holds no NaN or infinity; else null} Searched once per
     * decode, and never again, as nothing changes that tree in place: a save's encode then skips
     * the search in the values it shares with it, and copies their text when a save wrote it.
     */
    Finite finiteDecode(String id, ObjectNode attributes) {
        Recent known = recent.getIfPresent(id);
        if (known == null || known.decoded.attributes() != attributes) {
            return null;
        }
        Boolean finite = known.finite;
        if (finite == null) {
            finite = FiniteNumbers.firstNonFinite(attributes) == null;
            known.finite = finite;
        }
        return finite ? new Finite(attributes, known.texts) : null;
    }

    /** {@return the estimated bytes the recent small documents' trees take now} */
    long recentBytes() {
        recent.cleanUp();
        return recent.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    private static SessionCodec.Decoded copyOf(SessionCodec.Decoded decoded) {
        return new SessionCodec.Decoded(decoded.cookie().copy(), decoded.attributes().deepCopy());
    }

    private void trim() {
        for (String id : byId.keySet()) {
            if (byId.size() <= MAX_ENTRIES) {
                return;
            }
            byId.remove(id);
        }
    }
}
