package dev.cloakroom;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * What {@link MemoryStore} holds for one session, in one object of 40 bytes: the document, the
 * instant the store drops it (which is the session's own expiry when it has one), and the user it
 * is indexed under, or null. A {@link StoredSession}, its {@code Instant} and the document's
 * {@code String} are made again on each read: kept, they cost about 70 bytes a session, and at a
 * million sessions that is most of what the store adds to the documents themselves.
 *
 * <p>The document is kept as one byte a character when every character is Latin-1, as nearly
 * every document is (ids, dates and most text), and as its {@code String} otherwise or when it is
 * long ({@link #WHOLE_CHARS}); of a short Latin-1 one, the cookie object's text but its expiry is
 * shared with other sessions ({@link CookieTexts}).
 * The user index matches entries by identity.
 */
final class MemoryEntry {

    /**
     * From this length on a document is kept as its {@code String}, which every read then shares:
     * a 40-byte saving is nothing beside it, and a copy for each read of a 256 KiB session, with
     * 400 requests reading it at once, was 100 MB of garbage.
     */
    static final int WHOLE_CHARS = 64 * 1024;

    /**
     * A {@code byte[]} of Latin-1 characters, the document's or, with {@link #cookie}, what is not
     * shared of it; or the {@code String} when a character is beyond Latin-1.
     */
    private final Object json;
    /** The document's cookie text, shared with other sessions; null when the document is kept whole. */
    private final CookieTexts.Text cookie;
    /** Moved in place by a touch ({@link #retime}); the rest of the entry never changes. */
    private volatile long deadlineSeconds;
    private volatile int deadlineNanos;
    /** Whether the session came without an expiry: it gives none back, and the deadline is the store's default. */
    private volatile boolean noExpiry;
    private final String user;

    private MemoryEntry(Object json, CookieTexts.Text cookie, Instant deadline, boolean noExpiry, String user) {
        this.json = json;
        this.cookie = cookie;
        this.deadlineSeconds = deadline.getEpochSecond();
        this.deadlineNanos = deadline.getNano();
        this.noExpiry = noExpiry;
        this.user = user;
    }

    /**
     * {@return the entry for {@code session}}
     *
     * @param deadline when the store drops it: the session's expiry, or the default TTL's end when it has none
     * @param user     the user it is indexed under, or null
     * @param texts    the store's shared cookie texts
     */
    static MemoryEntry of(StoredSession session, Instant deadline, String user, CookieTexts texts) {
        if (session.json().length() >= WHOLE_CHARS) {
            return new MemoryEntry(session.json(), null, deadline, session.expires() == null, user);
        }
        Object json = compact(session.json());
        CookieTexts.Text cookie = json instanceof byte[] latin1 ? texts.find(latin1) : null;
        if (cookie != null) {
            json = cookie.rest((byte[]) json);
        }
        return new MemoryEntry(json, cookie, deadline, session.expires() == null, user);
    }

    /**
     * Gives the document a new expiry (null for none) and deadline, in place: a touch on every
     * read would otherwise replace the entry in the cache, a write under a lock. The seconds are
     * written last; a reader between the two writes sees a deadline within a second of the old or
     * the new one, which a touch moves by the cookie's whole max age.
     */
    void retime(Instant expires, Instant deadline) {
        noExpiry = expires == null;
        deadlineNanos = deadline.getNano();
        deadlineSeconds = deadline.getEpochSecond();
    }

    private static Object compact(String json) {
        for (int i = 0; i < json.length(); i++) {
            if (json.charAt(i) > 0xFF) {
                return json;
            }
        }
        return json.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** {@return the session as it was stored} */
    StoredSession session() {
        return new StoredSession(json(), noExpiry ? null : deadline());
    }

    /** {@return the document} */
    String json() {
        if (!(json instanceof byte[] latin1)) {
            return (String) json;
        }
        return new String(cookie != null ? cookie.join(latin1) : latin1, StandardCharsets.ISO_8859_1);
    }

    /** {@return the document's length in characters} */
    int jsonLength() {
        if (!(json instanceof byte[] latin1)) {
            return ((String) json).length();
        }
        return cookie != null ? cookie.length(latin1) : latin1.length;
    }

    /** {@return whether the document is exactly {@code expected}}, without making its {@code String} */
    boolean hasJson(String expected) {
        if (!(json instanceof byte[] latin1)) {
            return json.equals(expected);
        }
        if (cookie != null) {
            return cookie.joinsTo(latin1, expected);
        }
        if (expected.length() != latin1.length) {
            return false;
        }
        for (int i = 0; i < latin1.length; i++) {
            if ((latin1[i] & 0xFF) != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** {@return the user the session is indexed under, or null} */
    String user() {
        return user;
    }

    /** {@return when the store drops the session} */
    Instant deadline() {
        return Instant.ofEpochSecond(deadlineSeconds, deadlineNanos);
    }

    /** {@return whether the session is still held at {@code now}} */
    boolean liveAt(Instant now) {
        return deadlineSeconds > now.getEpochSecond() || (deadlineSeconds == now.getEpochSecond() && deadlineNanos > now.getNano());
    }

    /** {@return the deadline in nanoseconds since the epoch, the caches' time, saturated at the long range} */
    long deadlineEpochNanos() {
        if (deadlineSeconds >= Long.MAX_VALUE / 1_000_000_000L) {
            return Long.MAX_VALUE;
        }
        if (deadlineSeconds <= Long.MIN_VALUE / 1_000_000_000L) {
            return Long.MIN_VALUE;
        }
        return deadlineSeconds * 1_000_000_000L + deadlineNanos;
    }
}
