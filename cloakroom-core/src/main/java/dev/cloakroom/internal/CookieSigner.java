package dev.cloakroom.internal;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Signs and verifies cookie values exactly as the npm package cookie-signature does:
 * {@code value + "." + base64(HMAC-SHA256(secret, value))} with the {@code =} padding removed.
 */
public final class CookieSigner {

    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();

    private final List<SecretKeySpec> keys;
    /**
     * Each thread's Macs, one a key, keyed once: a Mac that finishes is ready for the same key
     * again, so neither the provider search nor the key setup is paid per cookie.
     */
    private final ThreadLocal<Mac[]> macs;

    /**
     * A signer over keys as raw bytes, as Node's {@code crypto.createHmac} takes a Buffer secret.
     *
     * @param keys the HMAC keys; the first signs, every one verifies, in order
     * @throws IllegalArgumentException when there is none
     */
    public CookieSigner(List<byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one secret is needed");
        }
        this.keys = keys.stream().map(k -> new SecretKeySpec(k, "HmacSHA256")).toList();
        this.macs = ThreadLocal.withInitial(() -> new Mac[this.keys.size()]);
    }

    /**
     * {@return a signer over string secrets} Each signs with its UTF-8 bytes, as Node does with a string secret.
     *
     * @param secrets the first signs, every one verifies, in order
     */
    public static CookieSigner ofStrings(List<String> secrets) {
        return new CookieSigner(secrets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList());
    }

    /**
     * {@return {@code value}, a dot and its signature with the first secret}
     *
     * @param value the session id
     */
    public String sign(String value) {
        return value + "." + BASE64.encodeToString(mac(0).doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * {@return the value inside {@code signed} if any secret's signature matches, else empty} The
     * comparison takes the same time wherever the first differing byte is, so the signature
     * cannot be guessed byte by byte from response times.
     *
     * @param signed a cookie value, URL-decoded, without the {@code s:} prefix
     */
    public Optional<String> unsign(String signed) {
        return verify(signed).map(Verified::value);
    }

    /**
     * As {@link #unsign(String)}, also saying which secret's signature matched, so a value signed
     * with an older secret can be signed again with the first.
     *
     * @param signed a signed value, without the {@code s:} prefix
     * @return the value and the matching secret's position (0 is the first), or empty
     */
    public Optional<Verified> verify(String signed) {
        int dot = signed.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String value = signed.substring(0, dot);
        byte[] valueBytes = value.getBytes(StandardCharsets.UTF_8);
        int matched = -1;
        for (int i = keys.size() - 1; i >= 0; i--) {
            if (sameSignature(BASE64.encode(mac(i).doFinal(valueBytes)), signed, dot + 1)) {
                matched = i;
            }
        }
        return matched >= 0 ? Optional.of(new Verified(value, matched)) : Optional.empty();
    }

    /**
     * Whether {@code signed} from {@code from} on is exactly the base64 {@code expected}, in a time
     * that depends on the lengths only (a signature's length is no secret), never on where they differ.
     */
    private static boolean sameSignature(byte[] expected, String signed, int from) {
        if (signed.length() - from != expected.length) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < expected.length; i++) {
            diff |= expected[i] ^ signed.charAt(from + i);
        }
        return diff == 0;
    }

    /**
     * A verified value.
     *
     * @param value the value that was signed
     * @param key   the position of the secret whose signature matched, 0 for the first
     */
    public record Verified(String value, int key) {
    }

    /** This thread's Mac for key {@code i}, keyed and ready. */
    private Mac mac(int i) {
        Mac[] held = macs.get();
        if (held[i] == null) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(keys.get(i));
                held[i] = mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is missing from this JVM or rejected a secret key", e);
            }
        }
        return held[i];
    }
}
