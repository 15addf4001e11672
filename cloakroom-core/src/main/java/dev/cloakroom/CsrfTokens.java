package dev.cloakroom;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Synchronizer tokens against cross-site request forgery, the pattern of OWASP's CSRF Prevention
 * Cheat Sheet: a random token kept in the session, put in every state-changing form as a hidden field,
 * and compared with what the form sends back. A page on another site can make the browser send the
 * session cookie, but it cannot read the token, so its forged POST carries none, or a wrong one.
 * Works with any adapter: pass the Javalin plugin's or the Servlet filter's {@link Session}.
 *
 * <p>The token is 32 bytes from {@link SecureRandom}, as 43 base64url characters without padding,
 * stored as the string attribute {@value #ATTRIBUTE}. Putting it in a page is safe (the page is
 * only readable by its own origin); putting it in a URL, a log line or a {@code GET} form is not.
 *
 * <p>Call {@link #rotate} whenever the session's privilege changes, beside {@link Session#regenerate()}
 * or {@link Session#changeId()}: at login above all, so a token an attacker obtained in the
 * session before login (the page of a planted session, say) is worthless afterwards.
 * {@code changeId()} keeps every attribute, the token included; {@code regenerate()} starts an empty
 * session, and {@link #token} then makes a new one, but calling {@code rotate} says so plainly.
 *
 * <p>Check the token on every request that changes state and can be sent cross-site without a CORS
 * preflight: {@code POST} forms above all. Thread-safe; the class holds no state but its random source.
 */
public final class CsrfTokens {

    /** The session attribute that holds the token: {@value}. */
    public static final String ATTRIBUTE = "csrfToken";

    /** The form field the token is usually sent back in: {@value}. Any name works if both sides agree. */
    public static final String FIELD = "_csrf";

    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private CsrfTokens() {
    }

    /**
     * {@return the session's token, made and stored in the session first if it has none} Calling it
     * on a session without a token changes the session, so it is saved (and, when new, created in
     * the store): call it on the pages that show a form, not on every request.
     *
     * @param session the request's session
     * @throws NullPointerException if {@code session} is null
     */
    public static String token(Session session) {
        Objects.requireNonNull(session, "session");
        Optional<String> existing = stored(session);
        return existing.isPresent() ? existing.get() : rotate(session);
    }

    /**
     * Replaces the session's token with a new one, so every token sent out before no longer verifies.
     * Call it at login and at every other privilege change, next to {@link Session#regenerate()} or
     * {@link Session#changeId()}.
     *
     * @param session the request's session
     * @return the new token
     * @throws NullPointerException if {@code session} is null
     */
    public static String rotate(Session session) {
        Objects.requireNonNull(session, "session");
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        String token = BASE64URL.encodeToString(bytes);
        session.set(ATTRIBUTE, token);
        return token;
    }

    /**
     * {@return whether {@code presented} is this session's token} False when the session has no token
     * (it is not made here) or {@code presented} is null or empty. The comparison takes the same time
     * wherever the first difference is ({@link MessageDigest#isEqual}), so timing reveals nothing of
     * the token.
     *
     * @param session   the request's session
     * @param presented the token the request carried, typically the {@value #FIELD} form field; may be null
     * @throws NullPointerException if {@code session} is null
     */
    public static boolean verify(Session session, String presented) {
        Objects.requireNonNull(session, "session");
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        Optional<String> expected = stored(session);
        return expected.isPresent() && MessageDigest.isEqual(
                expected.get().getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> stored(Session session) {
        return session.get(ATTRIBUTE, String.class).filter(t -> !t.isEmpty());
    }
}
