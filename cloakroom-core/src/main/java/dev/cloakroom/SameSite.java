package dev.cloakroom;

/**
 * The cookie's {@code SameSite} attribute. {@link #AUTO} sends {@code None} on a secure request
 * and {@code Lax} otherwise, decided when the session is created (as express-session does).
 */
public enum SameSite {
    STRICT("strict", "Strict"),
    LAX("lax", "Lax"),
    NONE("none", "None"),
    AUTO("auto", null);

    private final String stored;
    private final String attribute;

    SameSite(String stored, String attribute) {
        this.stored = stored;
        this.attribute = attribute;
    }

    /** The lower-case word express-session keeps in the stored cookie object. */
    public String storedName() {
        return stored;
    }

    /** The value written after {@code SameSite=}; {@code null} for {@link #AUTO}, which is never written. */
    public String attributeValue() {
        return attribute;
    }
}
