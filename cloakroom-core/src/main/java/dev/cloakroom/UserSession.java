package dev.cloakroom;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One live session of a user, as {@link UserSessions#list} shows it: safe to put on a "your devices"
 * page. It never holds the session id, which is a credential: {@link #handle()} names the session
 * instead, and {@link UserSessions#revoke(String, String)} takes it back.
 */
public final class UserSession {

    private final String handle;
    private final Instant created;
    private final Instant lastSeen;
    private final Instant expires;
    private final boolean current;
    private final Map<String, String> texts;

    /**
     * A listed session.
     *
     * @param handle   the session's fingerprint
     * @param created  when it was created, or null when unknown
     * @param lastSeen when it was last used, or null when unknown
     * @param expires  when it expires, or null for a browser-session cookie
     * @param current  whether it is the session of the request that listed it
     * @param texts    its top-level string attributes, by name
     */
    UserSession(String handle, Instant created, Instant lastSeen, Instant expires, boolean current,
                Map<String, String> texts) {
        this.handle = Objects.requireNonNull(handle, "handle");
        this.created = created;
        this.lastSeen = lastSeen;
        this.expires = expires;
        this.current = current;
        this.texts = Map.copyOf(texts);
    }

    /**
     * {@return a name for the session that is no credential} The first 12 hex digits of the SHA-256
     * of its id: the fingerprint Cloakroom's log lines use, so a listed session can be matched to them.
     */
    public String handle() {
        return handle;
    }

    /** {@return when the session was created, as recorded beside its document} Empty for one a Node app created. */
    public Optional<Instant> created() {
        return Optional.ofNullable(created);
    }

    /**
     * {@return when the session was last used, to the precision its store keeps} Its expiry minus
     * the cookie's max age, since every use moves the expiry (so {@code touchAfter} makes it coarser).
     * Empty for a browser-session cookie, which has no expiry to count back from.
     */
    public Optional<Instant> lastSeen() {
        return Optional.ofNullable(lastSeen);
    }

    /** {@return when the session expires unless used again} Empty for a browser-session cookie. */
    public Optional<Instant> expires() {
        return Optional.ofNullable(expires);
    }

    /** {@return whether this is the session of the request that asked for the list} */
    public boolean current() {
        return current;
    }

    /**
     * {@return the listed session's attribute {@code name}, when it holds a string} For the labels an
     * application stores in the session at login so that a "your devices" page can tell the sessions
     * apart: the browser, the address it signed in from. Read from the stored document as JSON, with no
     * type hints or allow-list involved; empty when the attribute is absent or not a string, and for
     * {@link CsrfTokens#ATTRIBUTE}, which stays in its own session.
     *
     * @param name the attribute's name
     * @throws NullPointerException if {@code name} is null
     */
    public Optional<String> attributeText(String name) {
        return Optional.ofNullable(texts.get(Objects.requireNonNull(name, "name")));
    }

    @Override
    public String toString() {
        return "UserSession[" + handle + (current ? ", current" : "") + "]";
    }
}
