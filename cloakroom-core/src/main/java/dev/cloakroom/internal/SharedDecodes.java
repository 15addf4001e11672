package dev.cloakroom.internal;

import java.lang.ref.SoftReference;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decodes a big stored document once for all the requests that loaded the same text of the same
 * session: when 400 requests pile onto one session, most of them read one of a few versions, and
 * each decode of a 256 KiB document costs milliseconds of CPU and a tree of its own. The first
 * request to ask decodes (under a {@link BigDocuments} permit); requests asking meanwhile wait
 * for that decode, and later ones reuse it while it is the latest seen for the id. Every request
 * gets its own copy of the tree and cookie, so none sees another's changes.
 *
 * <p>Documents under {@link BigDocuments#THRESHOLD_CHARS} are decoded as before, with nothing
 * kept. At most {@link #MAX_ENTRIES} decoded documents are kept, text and tree only softly: the
 * collector clears them before the heap runs short, and a cleared one is decoded again, so what
 * is kept here can never run the heap out.
 */
final class SharedDecodes {

    /** How many sessions' latest big documents are kept; a few suffice, as only piled-on sessions reuse one. */
    static final int MAX_ENTRIES = 16;

    private final SessionCodec codec;
    private final Clock clock;
    private final ConcurrentHashMap<String, Shared> byId = new ConcurrentHashMap<>();

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
        this.codec = codec;
        this.clock = clock;
    }

    /**
     * {@return the stored document {@code json} of session {@code id}, split into a cookie and
     * attributes of the caller's own}
     *
     * @throws dev.cloakroom.UnreadableSessionException when it is not a session document
     */
    SessionCodec.Decoded decode(String id, String json) {
        if (json.length() < BigDocuments.THRESHOLD_CHARS) {
            return codec.decode(json, clock);
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
