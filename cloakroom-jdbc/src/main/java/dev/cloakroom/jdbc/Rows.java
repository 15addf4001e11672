package dev.cloakroom.jdbc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import dev.cloakroom.StoredSession;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;

/** What goes into a row and what comes out of one. */
final class Rows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Rows() {
    }

    /**
     * The session a row holds. Its expiry is the row's, which touches move; but a browser-session
     * cookie (no {@code cookie.expires} in the document) must stay one, so for it the row's expiry
     * (the default TTL) is not reported.
     */
    static StoredSession stored(String json, Instant expire) {
        return new StoredSession(json, hasCookieExpiry(json) ? expire : null);
    }

    /** Binds {@link SqlText#readAndTouch}'s parameters. */
    static void bindReadAndTouch(PreparedStatement ps, SqlText s, String id, Instant now, Instant to, Instant threshold)
            throws SQLException {
        ps.setString(1, id);
        s.bindTime(ps, 2, now);
        s.bindTime(ps, 3, to);
        ps.setString(4, id);
        s.bindTime(ps, 5, now);
        s.bindTime(ps, 6, threshold);
        s.bindTime(ps, 7, to);
    }

    /**
     * What the {@code user_key} column holds for a user key: the key itself when the column can
     * hold it, otherwise (longer than {@link SqlText#USER_KEY_LENGTH}, or holding NUL or an unpaired
     * surrogate) {@code sha256:} and the hex digest of its UTF-8 bytes. The column only narrows the
     * search: {@code sessionsOf} keeps only rows whose document names exactly the key asked for,
     * so neither a digest nor the database's collation can match another user's sessions.
     */
    static String userKeyColumn(String userKey) {
        if (userKey.length() <= SqlText.USER_KEY_LENGTH && storable(userKey)) {
            return userKey;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(userKey.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static boolean hasCookieExpiry(String json) {
        try {
            JsonNode expires = JSON.readTree(json).path("cookie").path("expires");
            return expires.isTextual();
        } catch (Exception unreadable) {
            return false;
        }
    }

    /**
     * Whether an id can be stored as it is. PostgreSQL text cannot hold NUL, and an unpaired
     * surrogate would reach the database as '?', matching some other id; no real id has either,
     * so such an id names no session.
     */
    static boolean storable(String id) {
        if (id == null) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char ch = id.charAt(i);
            if (ch == 0) {
                return false;
            }
            if (Character.isHighSurrogate(ch) && i + 1 < id.length() && Character.isLowSurrogate(id.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(ch)) {
                return false;
            }
        }
        return true;
    }
}
