package dev.cloakroom.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * JavaScript's {@code encodeURIComponent} / {@code decodeURIComponent}, which express uses for
 * cookie values. {@link java.net.URLEncoder} differs (it writes {@code +} for a space and escapes
 * {@code * ~ ' ( ) !}), which would change cookie bytes.
 */
public final class UriComponent {

    private static final String UNRESERVED = "-_.!~*'()";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** By ASCII code: letters, digits and {@link #UNRESERVED}, which {@code encodeURIComponent} leaves as they are. */
    private static final boolean[] UNRESERVED_ASCII = new boolean[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            UNRESERVED_ASCII[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || UNRESERVED.indexOf(c) >= 0;
        }
    }

    private UriComponent() {
    }

    /**
     * {@return {@code s} as {@code encodeURIComponent} encodes it}
     *
     * @param s any text
     */
    public static String encode(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isUnreserved(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (c < 0x80) {
                // ASCII is its own UTF-8: the signed id's ':' and its signature's '/' and '+'.
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
                continue;
            }
            int cp = s.codePointAt(i);
            if (Character.charCount(cp) == 2) {
                i++;
            }
            byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            for (byte b : bytes) {
                out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
        return out == null ? s : out.toString();
    }

    /**
     * {@return {@code s} with its percent escapes decoded as strict UTF-8; empty when an escape or the
     * UTF-8 is malformed}
     *
     * @param s text from a cookie
     */
    public static Optional<String> decode(String s) {
        if (s.indexOf('%') < 0) {
            return Optional.of(s);
        }
        // Escapes only shorten the text, so its length bounds the bytes; a signed id is ASCII, and
        // ASCII needs no decoder.
        byte[] bytes = new byte[s.length()];
        int n = 0;
        boolean ascii = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    return Optional.empty();
                }
                int hi = hex(s.charAt(i + 1));
                int lo = hex(s.charAt(i + 2));
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                int b = (hi << 4) | lo;
                ascii &= b < 0x80;
                bytes[n++] = (byte) b;
                i += 2;
            } else if (c < 0x80) {
                bytes[n++] = (byte) c;
            } else {
                return Optional.empty();
            }
        }
        if (ascii) {
            return Optional.of(new String(bytes, 0, n, StandardCharsets.US_ASCII));
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, n))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The value of the ASCII hex digit {@code c}, or -1; {@link Character#digit} would also take other scripts' digits. */
    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    private static boolean isUnreserved(char c) {
        return c < 0x80 && UNRESERVED_ASCII[c];
    }
}
