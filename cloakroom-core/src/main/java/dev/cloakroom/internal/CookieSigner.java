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

    /** Keys as raw bytes, as Node's {@code crypto.createHmac} takes a Buffer secret; the first signs. */
    public CookieSigner(List<byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one secret is needed");
        }
        this.keys = keys.stream().map(k -> new SecretKeySpec(k, "HmacSHA256")).toList();
    }

    /** String secrets, each signing with its UTF-8 bytes as Node does with a string secret. */
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
        int dot = signed.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String value = signed.substring(0, dot);
        byte[] presented = signed.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (SecretKeySpec key : keys) {
            byte[] expected = (value + "." + mac(key, value)).getBytes(StandardCharsets.UTF_8);
            match |= MessageDigest.isEqual(expected, presented);
        }
        return match ? Optional.of(value) : Optional.empty();
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
