package dev.cloakroom;

/** What happens to the stored session when a handler drops it (express-session's {@code unset}). */
public enum UnsetAction {
    /** Leave the stored session alone; it expires on its own. */
    KEEP,
    /** Delete it from the store at the end of the request. */
    DESTROY
}
