package dev.cloakroom;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The text of the cookie object that starts every document express-session and Cloakroom write,
 * {@code {"cookie":{"originalMaxAge":1800000,"expires":"2026-03-01T10:15:30.000Z",...},...}}, held
 * once for all the sessions of a {@link MemoryStore} whose cookies have the same attributes. Only
 * the 24 characters of the expiry differ from session to session, and they stay with the
 * session's own text: of a small document's 190 bytes, about 110 are shared.
 *
 * <p>At most {@value #MAX_TEXTS} texts are kept, for the life of the store; a document whose
 * cookie text is not among them once they are full, or that does not start with a cookie object
 * of that form, is kept whole. Joining the parts gives back the document byte for byte, wherever
 * the split fell.
 */
final class CookieTexts {

    /** How many distinct cookie texts a store keeps; an application has a handful. */
    static final int MAX_TEXTS = 256;

    private static final byte[] START = latin1("{\"cookie\":{");
    private static final byte[] EXPIRES = latin1("\"expires\":\"");
    /** The length of {@code 2026-03-01T10:15:30.000Z}, as {@code toISOString()} writes it. */
    private static final int DATE = 24;

    private final ConcurrentHashMap<Text, Text> texts = new ConcurrentHashMap<>();

    /**
     * The shared cookie text of a document: {@link #head} is the document up to its expiry's text
     * (or its whole cookie object when it has no expiry), {@link #tail} the rest of the cookie
     * object after the expiry; the session keeps the {@link #gap} characters between them and
     * everything after the cookie object.
     */
    static final class Text {
        private final byte[] head;
        private final int gap;
        private final byte[] tail;
        private final int hash;

        private Text(byte[] head, int gap, byte[] tail) {
            this.head = head;
            this.gap = gap;
            this.tail = tail;
            this.hash = (Arrays.hashCode(head) * 31 + gap) * 31 + Arrays.hashCode(tail);
        }

        /** {@return what the session keeps of {@code doc}, whose text this is} */
        byte[] rest(byte[] doc) {
            byte[] rest = new byte[doc.length - head.length - tail.length];
            System.arraycopy(doc, head.length, rest, 0, gap);
            System.arraycopy(doc, head.length + gap + tail.length, rest, gap, rest.length - gap);
            return rest;
        }

        /** {@return the whole document of which {@code rest} is the session's part} */
        byte[] join(byte[] rest) {
            byte[] doc = new byte[length(rest)];
            System.arraycopy(head, 0, doc, 0, head.length);
            System.arraycopy(rest, 0, doc, head.length, gap);
            System.arraycopy(tail, 0, doc, head.length + gap, tail.length);
            System.arraycopy(rest, gap, doc, head.length + gap + tail.length, rest.length - gap);
            return doc;
        }

        /** {@return the length of the whole document of which {@code rest} is the session's part} */
        int length(byte[] rest) {
            return head.length + tail.length + rest.length;
        }

        /** {@return whether the document {@link #join} would give is {@code expected}} Nothing is joined. */
        boolean joinsTo(byte[] rest, String expected) {
            return expected.length() == length(rest)
                    && same(head, 0, head.length, expected, 0)
                    && same(rest, 0, gap, expected, head.length)
                    && same(tail, 0, tail.length, expected, head.length + gap)
                    && same(rest, gap, rest.length - gap, expected, head.length + gap + tail.length);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Text t && hash == t.hash && gap == t.gap && Arrays.equals(head, t.head)
                    && Arrays.equals(tail, t.tail);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * {@return the shared text of the Latin-1 document {@code doc}, or null when it is kept whole}
     * A text not yet held is taken in while there is room.
     */
    Text find(byte[] doc) {
        if (!startsWith(doc, START, 0)) {
            return null;
        }
        int close = indexOf(doc, (byte) '}', START.length);
        if (close < 0) {
            return null;
        }
        int expires = indexOf(doc, EXPIRES, START.length, close);
        Text candidate;
        if (expires >= 0 && expires + EXPIRES.length + DATE < close && doc[expires + EXPIRES.length + DATE] == '"') {
            int date = expires + EXPIRES.length;
            candidate = new Text(Arrays.copyOf(doc, date), DATE, Arrays.copyOfRange(doc, date + DATE, close + 1));
        } else {
            candidate = new Text(Arrays.copyOf(doc, close + 1), 0, new byte[0]);
        }
        Text held = texts.get(candidate);
        if (held != null) {
            return held;
        }
        if (texts.size() >= MAX_TEXTS) {
            return null;
        }
        held = texts.putIfAbsent(candidate, candidate);
        return held != null ? held : candidate;
    }

    /** {@return how many texts are held} For tests. */
    int size() {
        return texts.size();
    }

    private static boolean same(byte[] bytes, int from, int length, String s, int at) {
        for (int i = 0; i < length; i++) {
            if ((bytes[from + i] & 0xFF) != s.charAt(at + i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] doc, byte[] prefix, int at) {
        if (doc.length - at < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (doc[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] doc, byte b, int from) {
        for (int i = from; i < doc.length; i++) {
            if (doc[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] doc, byte[] what, int from, int end) {
        for (int i = from; i + what.length <= end; i++) {
            if (startsWith(doc, what, i)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] latin1(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
