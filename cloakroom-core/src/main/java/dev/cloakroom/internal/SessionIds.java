package dev.cloakroom.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Session ids, and a safe way to name one in a log line. */
public final class SessionIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL_ENCODER = Base64.getUrlEncoder().withoutPadding();

    private SessionIds() {
    }

    /**
     * {@return a new session id: 24 random bytes (192 bits) from {@link SecureRandom}, base64url without
     * padding} 32 characters, as express-session's uid-safe makes.
     */
    public static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return URL_ENCODER.encodeToString(bytes);
    }

    /**
     * A short, one-way tag for log lines. A raw id in a log is a live credential for anyone who
     * can read the logs, so Cloakroom logs only the first 12 hex digits of its SHA-256.
     *
     * @param id a session id
     * @return the tag
     */
    public static String fingerprint(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
