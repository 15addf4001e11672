package dev.cloakroom;

/**
 * When the session cookie carries {@code Secure}. {@link #AUTO} sets it exactly on requests that
 * arrived over HTTPS, as the {@code proxy} option judges them: with {@code proxy(true)} a proxy's
 * {@code X-Forwarded-Proto} says so, with {@code proxy(false)} only a TLS connection does. Browsers never send a
 * {@code Secure} cookie over plain HTTP, so Cloakroom never sets one on a plain HTTP response.
 */
public enum SecureMode {
    /** Always mark the cookie {@code Secure}; on a plain-HTTP request no cookie is sent at all. */
    ALWAYS,
    /** Never mark the cookie {@code Secure}. */
    NEVER,
    /** Mark the cookie {@code Secure} when the request is secure. */
    AUTO
}
