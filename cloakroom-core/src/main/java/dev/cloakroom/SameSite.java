package dev.cloakroom;

/**
 * The cookie's {@code SameSite} attribute. {@link #AUTO} sends {@code None} on a secure request
 * and {@code Lax} otherwise, decided when the session is created (as express-session does).
 */
public enum SameSite {
    /** {@code SameSite=Strict}: never sent on a request that another site started. */
    STRICT("strict", "Strict"),
    /** {@code SameSite=Lax}: sent on top-level navigations from other sites, not on their subrequests. The default. */
    LAX("lax", "Lax"),
    /** {@code SameSite=None}: sent on every cross-site request; needs {@code Secure}. */
    NONE("none", "None"),
    /** {@code None} on a secure request, {@code Lax} otherwise. */
    AUTO("auto", null);

    private final String stored;
    private final String attribute;

    SameSite(String stored, String attribute) {
        this.stored = stored;
        this.attribute = attribute;
    }

    /** {@return the lower-case word express-session keeps in the stored cookie object} */
    public String storedName() {
        return stored;
    }

    /** {@return the value written after {@code SameSite=}; {@code null} for {@link #AUTO}, which is never written} */
    public String attributeValue() {
        return attribute;
    }
}
