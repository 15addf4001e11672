package dev.cloakroom.internal;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Signs and verifies cookie values exactly as the npm package cookie-signature does:
 * {@code value + "." + base64(HMAC-SHA256(secret, value))} with the {@code =} padding removed.
 */
public final class CookieSigner {

    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();

    /** Looking up a Mac costs a provider search; one per thread is reused, re-keyed on each use. */
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    });

    private final List<SecretKeySpec> keys;

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
        return value + "." + mac(keys.get(0), value);
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
        byte[] presented = signed.getBytes(StandardCharsets.UTF_8);
        int matched = -1;
        for (int i = keys.size() - 1; i >= 0; i--) {
            byte[] expected = (value + "." + mac(keys.get(i), value)).getBytes(StandardCharsets.UTF_8);
            if (MessageDigest.isEqual(expected, presented)) {
                matched = i;
            }
        }
        return matched >= 0 ? Optional.of(new Verified(value, matched)) : Optional.empty();
    }

    /**
     * A verified value.
     *
     * @param value the value that was signed
     * @param key   the position of the secret whose signature matched, 0 for the first
     */
    public record Verified(String value, int key) {
    }

    private static String mac(SecretKeySpec key, String value) {
        try {
            Mac mac = MACS.get();
            mac.init(key);
            return BASE64.encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 rejected a secret key", e);
        }
    }
}
