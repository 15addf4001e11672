package dev.cloakroom.testkit.http;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/** Reading and forging session cookie values the way a test (or an attacker) would. */
public final class SignedCookies {

    private SignedCookies() {
    }

    /**
     * {@return the session id inside a cookie value such as {@code s%3A<id>.<signature>}}
     *
     * @param cookieValue the value, URL-encoded as sent
     */
    public static String idOf(String cookieValue) {
        String decoded = URLDecoder.decode(cookieValue, StandardCharsets.UTF_8);
        if (!decoded.startsWith("s:") || decoded.lastIndexOf('.') < 2) {
            throw new IllegalArgumentException("not a signed session cookie value: " + cookieValue);
        }
        return decoded.substring(2, decoded.lastIndexOf('.'));
    }

    /**
     * {@return the session id of a {@code Set-Cookie}}
     *
     * @param cookie the parsed header
     */
    public static String idOf(SetCookie cookie) {
        return idOf(cookie.value());
    }

    /**
     * The cookie value express-session would send for {@code id} signed with {@code secret}:
     * URL-encoded {@code s:<id>.<base64 HMAC-SHA256 without padding>}. Written independently of
     * core so tests can forge cookies a server never issued.
     *
     * @param id     the session id
     * @param secret the signing secret
     * @return the cookie value
     */
    public static String sign(String id, String secret) {
        return encode("s:" + token(id, secret));
    }

    /**
     * The header token for {@code id} signed with {@code secret}: {@code <id>.<base64 HMAC-SHA256
     * without padding>}, no {@code s:}, not encoded. Written independently of core, as {@link #sign}.
     *
     * @param id     the session id
     * @param secret the signing secret
     * @return the token
     */
    public static String token(String id, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] tag = mac.doFinal(id.getBytes(StandardCharsets.UTF_8));
            return id + "." + Base64.getEncoder().encodeToString(tag).replace("=", "");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /**
     * {@return the session id in a header token {@code <id>.<signature>}}
     *
     * @param token the token as a response header carried it
     */
    public static String idOfToken(String token) {
        int dot = token.lastIndexOf('.');
        if (dot < 1) {
            throw new IllegalArgumentException("not a session token: " + token);
        }
        return token.substring(0, dot);
    }

    /**
     * {@return {@code text} URL-encoded as express-session's cookie writer does (encodeURIComponent)}
     *
     * @param text any text
     */
    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("%21", "!")
                .replace("%27", "'")
                .replace("%28", "(")
                .replace("%29", ")")
                .replace("%7E", "~");
    }
}
