package dev.cloakroom;

/**
 * When the session cookie carries {@code Secure}. {@link #AUTO} sets it exactly on requests that
 * arrived over HTTPS (or, with {@code proxy(true)}, that a proxy says did). Browsers never send a
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
