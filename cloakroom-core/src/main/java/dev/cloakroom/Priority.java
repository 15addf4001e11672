package dev.cloakroom;

/** The cookie's {@code Priority} attribute (a Chromium extension). */
public enum Priority {
    /** {@code Priority=Low}: evicted first. */
    LOW("low", "Low"),
    /** {@code Priority=Medium}: what browsers assume without the attribute. */
    MEDIUM("medium", "Medium"),
    /** {@code Priority=High}: evicted last. */
    HIGH("high", "High");

    private final String stored;
    private final String attribute;

    Priority(String stored, String attribute) {
        this.stored = stored;
        this.attribute = attribute;
    }

    /** {@return the lower-case word express-session keeps in the stored cookie object} */
    public String storedName() {
        return stored;
    }

    /** {@return the value written after {@code Priority=}} */
    public String attributeValue() {
        return attribute;
    }
}
