package dev.cloakroom.internal;

import dev.cloakroom.CsrfTokens;
import dev.cloakroom.SessionCookie;
import dev.cloakroom.StoredSession;
import dev.cloakroom.UnreadableSessionException;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a list of a user's sessions shows of a stored one: its creation time from the sidecar, its
 * last use (the live expiry minus the cookie's max age, as {@code HttpSession.getLastAccessedTime}
 * is counted), its expiry, and its string attributes, for the labels an application stored at login.
 *
 * @param created  when it was created, or null when the sidecar does not say
 * @param lastSeen when it was last used, or null for a browser-session cookie
 * @param expires  its live expiry, or null for a browser-session cookie
 * @param texts    its top-level attributes that hold a JSON string, by name; never the cookie, the sidecar or the CSRF token
 */
public record SessionSummary(Instant created, Instant lastSeen, Instant expires, Map<String, String> texts) {

    /**
     * A summary; {@code texts} is copied, and the copy cannot be changed.
     *
     * @param created  when it was created, or null when the sidecar does not say
     * @param lastSeen when it was last used, or null for a browser-session cookie
     * @param expires  its live expiry, or null for a browser-session cookie
     * @param texts    its top-level attributes that hold a JSON string, by name
     */
    public SessionSummary {
        texts = Map.copyOf(texts);
    }

    /**
     * {@return the summary of {@code stored}, or null when its document is unreadable}
     *
     * @param codec  the codec to read the document with
     * @param stored the session as the store returned it
     * @param clock  the clock the cookie is read on
     */
    public static SessionSummary of(SessionCodec codec, StoredSession stored, Clock clock) {
        SessionCodec.Decoded decoded;
        try {
            decoded = codec.decode(stored.json(), clock);
        } catch (UnreadableSessionException e) {
            return null;
        }
        SessionCookie cookie = decoded.cookie();
        Instant expires = stored.expires() != null && cookie.expires().isPresent() ? stored.expires()
                : cookie.expires().orElse(null);
        Instant lastSeen = expires != null && cookie.originalMaxAge().isPresent()
                ? expires.minus(cookie.originalMaxAge().get()) : null;
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : decoded.attributes().properties()) {
            if (e.getValue().isString() && !e.getKey().equals(Sidecar.KEY) && !e.getKey().equals(CsrfTokens.ATTRIBUTE)) {
                texts.put(e.getKey(), e.getValue().stringValue());
            }
        }
        return new SessionSummary(Sidecar.read(decoded.attributes().get(Sidecar.KEY)).created(), lastSeen, expires, texts);
    }
}
