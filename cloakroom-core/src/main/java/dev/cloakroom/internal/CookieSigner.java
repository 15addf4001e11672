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
 *
 * <p>A browser sends the same signed value on every request, so the values verified lately are
 * remembered: {@value #REMEMBERED} of them at most, each of at most {@value #REMEMBERED_MAX_LENGTH}
 * characters (about 1 MB when full of 32-character ids), each in a slot picked by its hash. A value
 * equal to the one in its slot is verified without computing a signature. Only values that
 * verified are remembered, so a forged one always meets the HMAC, and the equality takes the same
 * time wherever the two differ.
 */
public final class CookieSigner {

    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();
    /** How many verified values are remembered; a power of two. */
    static final int REMEMBERED = 4096;
    /** A longer signed value is verified every time, so the remembered ones stay small. */
    static final int REMEMBERED_MAX_LENGTH = 256;
    /** How many of a value's last characters pick its slot. */
    private static final int SLOT_CHARS = 12;

    private final List<SecretKeySpec> keys;
    /**
     * Each thread's Macs, one a key, keyed once: a Mac that finishes is ready for the same key
     * again, so neither the provider search nor the key setup is paid per cookie.
     */
    private final ThreadLocal<Mac[]> macs;
    /**
     * Values that verified lately, one per slot; a racing write may replace another's, which only
     * costs that value a signature next time. Their fields are final, so a slot read from another
     * thread is whole.
     */
    private final Remembered[] remembered = new Remembered[REMEMBERED];

    /** A signed value that verified, and what its verification gave. */
    private record Remembered(String signed, Optional<Verified> verified) {
    }

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
        int slot = slotOf(signed);
        Remembered known = remembered[slot];
        if (known != null && sameText(known.signed(), signed)) {
            return known.verified();
        }
        Optional<Verified> verified = check(signed);
        if (verified.isPresent() && signed.length() <= REMEMBERED_MAX_LENGTH) {
            remembered[slot] = new Remembered(signed, verified);
        }
        return verified;
    }

    /** Computes the signature of {@code signed}'s value with each secret and compares it with the one given. */
    private Optional<Verified> check(String signed) {
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

    /** Whether {@code a} is {@code b}, in a time that depends on the lengths only. */
    private static boolean sameText(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < a.length(); i++) {
            diff |= a.charAt(i) ^ b.charAt(i);
        }
        return diff == 0;
    }

    /**
     * {@return the slot {@code signed} is remembered in, one of {@value #REMEMBERED}} Public for the benchmarks.
     *
     * <p>Only the last {@value #SLOT_CHARS} characters are hashed, with the length: they are the
     * signature's, as random as an HMAC, and a whole signed id's hash was a quarter of a cookie's
     * verification. Anyone can aim values at one slot either way, since the hash is not keyed;
     * doing so costs the values there their HMAC again, nothing else.
     *
     * @param signed a signed value, without the {@code s:} prefix
     */
    public static int slotOf(String signed) {
        int h = signed.length();
        for (int i = Math.max(0, signed.length() - SLOT_CHARS); i < signed.length(); i++) {
            h = 31 * h + signed.charAt(i);
        }
        return (h * 0x9E3779B9) >>> (32 - Integer.numberOfTrailingZeros(REMEMBERED));
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
