package dev.cloakroom.demo;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * PBKDF2-HMAC-SHA256 from the JDK ({@code PBKDF2WithHmacSHA256}): a 16-byte random salt per
 * password, a 256-bit derived key, compared in constant time.
 */
final class PasswordHasher {

    /**
     * 600,000: OWASP's Password Storage Cheat Sheet figure for PBKDF2-HMAC-SHA256 (2023). It costs
     * roughly 0.2 s per hash on one core here, paid once per account at startup and once per login
     * attempt, which is also what slows down password guessing. Tests pass a small count through
     * {@link DemoConfig#withPasswordIterations(int)}, because they check behaviour, not strength.
     */
    static final int DEFAULT_ITERATIONS = 600_000;

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int KEY_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A salt and the key derived from it; the plain password is not kept. */
    record Hash(byte[] salt, byte[] key) {
    }

    private final int iterations;

    PasswordHasher(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, got " + iterations);
        }
        this.iterations = iterations;
    }

    /** A hash of {@code password} under a fresh random salt. */
    Hash hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new Hash(salt, derive(password, salt));
    }

    /** Whether {@code password} produces {@code hash}; the comparison takes the same time wherever the bytes differ. */
    boolean matches(String password, Hash hash) {
        return MessageDigest.isEqual(derive(password, hash.salt()), hash.key());
    }

    private byte[] derive(String password, byte[] salt) {
        char[] chars = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is missing from this JVM", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }
}
