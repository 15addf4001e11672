package dev.cloakroom;

/** The cookie's {@code Priority} attribute (a Chromium extension). */
public enum Priority {
    LOW("low", "Low"),
    MEDIUM("medium", "Medium"),
    HIGH("high", "High");

    private final String stored;
    private final String attribute;

    Priority(String stored, String attribute) {
        this.stored = stored;
        this.attribute = attribute;
    }

    public String storedName() {
        return stored;
    }

    public String attributeValue() {
        return attribute;
    }
}
