package dev.cloakroom;

import tools.jackson.core.type.TypeReference;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One visitor's session: JSON-friendly attributes plus the cookie that names it.
 *
 * <p>Values are anything Jackson can write: strings, numbers, booleans, lists, maps, records and
 * POJOs. They are stored as JSON, never with Java serialization. A value read with {@link #get}
 * and then changed in place counts as a change and is saved at the end of the request.
 *
 * <p>A session belongs to one request and is not thread-safe.
 */
public interface Session {

    /** {@return the session id: the unsigned value inside the cookie} */
    String id();

    /** {@return whether this session was created during this request (no stored session was found)} */
    boolean isNew();

    /**
     * The attribute converted to {@code type}, or empty when absent or JSON {@code null}.
     * The same object is returned on every call in a request, so in-place changes are tracked.
     *
     * @param <T>  the value's type
     * @param key  the attribute name
     * @param type the class to convert the stored JSON to
     * @return the value, or empty
     * @throws IllegalArgumentException when the stored JSON cannot become a {@code type}
     */
    <T> Optional<T> get(String key, Class<T> type);

    /**
     * As {@link #get(String, Class)}, for generic types such as {@code List<Item>}.
     *
     * @param <T>  the value's type
     * @param key  the attribute name
     * @param type the type to convert the stored JSON to
     * @return the value, or empty
     * @throws IllegalArgumentException when the stored JSON cannot become a {@code type}
     */
    <T> Optional<T> get(String key, TypeReference<T> type);

    /**
     * The attribute as the Java type it was set with, without naming the type: what
     * {@code HttpSession.getAttribute} returns. The type comes from a hint stored beside the
     * document when the value was set, and is used only when {@link AttributeTypes} allows it. A
     * value another app wrote, with no hint, comes back in its JSON shape (maps, lists, strings,
     * numbers, booleans). A value whose hint is refused, names a class this application lacks, or
     * does not fit its JSON reads as absent, with a warning naming the attribute: code that casts
     * copes with an absent value as with one never set. Its stored JSON is kept, and a typed
     * {@link #get(String, Class)} still reads it. The same object is returned on every call in a
     * request, so in-place changes are tracked.
     *
     * @param key the attribute name
     * @return the value, or empty
     */
    Optional<Object> get(String key);

    /**
     * {@return when the session was created, as recorded beside the document} Empty for a session
     * another application created (express-session records no creation time).
     */
    Optional<Instant> created();

    /**
     * Binds this session to a user, so {@link UserSessions} can list and revoke it ("sign out
     * everywhere", ASVS 7.4.2, 7.4.3, 7.5.2). Call it at login, after {@link #regenerate()}: the key is
     * stored beside the document ({@code "__cloakroom": {"user": ...}}), counts as a change, stays
     * through {@link #changeId()} and through a Node app's saves, and a store that is a
     * {@link UserIndexedSessionStore} indexes the session under it. {@link #regenerate()} starts
     * unbound. Use a stable, non-secret key such as the account's id; it is stored in the session
     * document as it is.
     *
     * @param userKey the user's key, not empty
     * @throws NullPointerException     if {@code userKey} is null
     * @throws IllegalArgumentException if {@code userKey} is empty
     */
    void bindUser(String userKey);

    /** {@return the user this session is bound to with {@link #bindUser}, or empty} */
    Optional<String> boundUser();

    /**
     * {@return when the session ends for good, however much it is used} Its creation time plus
     * {@link SessionOptions#absoluteTimeout()}; empty without that option. A session another
     * application created is given a creation time the first time Cloakroom reads it.
     */
    Optional<Instant> absoluteDeadline();

    /**
     * {@return when the session ends if no later request uses it} Counted as of now: the idle limit
     * ({@link SessionOptions#idleTimeout()}, else the cookie's max age), never past
     * {@link #absoluteDeadline()}. Empty for a browser-session cookie with no idle limit: the store
     * keeps that for its own default period (the absolute deadline still ends it).
     *
     * @throws IllegalStateException when the session was destroyed or unset in this request
     */
    Optional<Instant> expiresAt();

    /**
     * {@return when a request last used this session before this one} Worked out from the expiry
     * the store held when this request read the session, which every use moves: that expiry less the
     * idle limit ({@link SessionOptions#idleTimeout()}, else the cookie's max age). So it is as
     * precise as that expiry: a touch {@link SessionOptions#touchAfter()} held back did not move it,
     * and Redis keeps whole seconds. Never later than the read. Empty for a session new in this
     * request, and for a browser-session cookie with no idle limit, whose expiry tells nothing.
     */
    Optional<Instant> lastUsed();

    /**
     * Sets an attribute. {@code cookie} (the cookie object) and {@code __cloakroom} (Cloakroom's own
     * data) are reserved and refused. A name express-session drops when it loads a session
     * ({@code save}, {@code id}, {@code toString}...) is warned about once, or refused, as
     * {@link SessionOptions#reservedNames()} says.
     *
     * @param key   the attribute name
     * @param value any value Jackson can write; {@code null} is stored as JSON {@code null}
     * @return this session
     * @throws IllegalArgumentException when Jackson cannot write {@code value}, naming the key and the
     *         class, or when {@code key} is a reserved name that is refused
     */
    Session set(String key, Object value);

    /**
     * Removes an attribute.
     *
     * @param key the attribute name
     * @return whether it was there
     */
    boolean remove(String key);

    /** Removes every attribute; the session and its cookie stay. */
    void clear();

    /** {@return the attribute names, in insertion order} */
    Set<String> keys();

    /**
     * {@return whether the attribute is present}
     *
     * @param key the attribute name
     */
    boolean has(String key);

    /**
     * {@return a read-only snapshot of the attributes as plain JSON-shaped Java values (maps, lists,
     * strings, numbers, booleans)} For iteration and debugging.
     */
    Map<String, Object> asMap();

    /** {@return the cookie view: expiry, max age and attributes of this session's cookie} */
    SessionCookie cookie();

    /**
     * Gives the visitor a new, empty session under a new id and deletes the old one from the
     * store. Call it at every privilege change, above all at login: an id an attacker planted
     * before login is worthless after it (session fixation, OWASP Session Management Cheat Sheet).
     * Of two requests renewing one session at once, only one goes on; the old id dies either way.
     *
     * @throws SessionGoneException when another request renewed or destroyed this session first;
     *                              this request then has no session, as after {@link #destroy()}
     */
    void regenerate();

    /**
     * Moves this session's data to a new id and deletes the old one: the fixation defence of
     * {@link #regenerate()} without losing, say, a shopping cart.
     *
     * @throws SessionGoneException when another request renewed or destroyed this session first,
     *                              as for {@link #regenerate()}
     */
    void changeId();

    /**
     * Deletes the session from the store now. This object refuses further use and, as in
     * express-session, no cookie is sent for it; a later call for the request's session starts
     * a new, empty one.
     */
    void destroy();

    /**
     * Replaces this session's attributes with what the store holds now. A session that reached
     * its {@link #absoluteDeadline()} since the request began is gone, as it would be at load: it
     * is destroyed in the store and this throws.
     *
     * @throws SessionGoneException when the store no longer has it, or it reached its absolute deadline
     */
    void reload();

    /**
     * Writes the session to the store now. The end of the request will not write it again unless it changes.
     *
     * @throws SessionTooLargeException when the stored JSON would exceed {@link SessionOptions#maxSessionBytes()}
     * @throws SessionConflictException when {@link #checkReads()} is on and an attribute this request
     *                                  read was changed meanwhile, or the session stayed contended too long
     */
    void save();

    /**
     * Makes this request's saves read-checked: a save then fails with {@link SessionConflictException},
     * writing nothing, if another request changed, since this request loaded the session, an
     * attribute this request read with {@link #get}, {@link #has} or {@link #asMap}, or added or
     * removed any attribute after this request listed them with {@link #keys()} or {@link #asMap}.
     * Reads made before the call count too.
     *
     * <p>Without it, a save that finds the session changed meanwhile merges: it applies only the
     * attributes this request set or removed onto what is stored now, and keeps every other
     * request's changes. That loses no update but cannot keep an invariant that spans attributes,
     * such as "at most 64 preferences": two requests that each counted 63 would store 65. Call this
     * before reading what such a check depends on; the handler's 409 tells the client to try again.
     *
     * @return this session
     */
    Session checkReads();

    /**
     * Restarts the cookie's max age from now; stored at the end of the request, even when
     * {@code touchAfter} would hold back the automatic touch of an unchanged session.
     */
    void touch();

    /**
     * Drops the session from this request without destroying it, as express's {@code delete req.session}:
     * with {@link UnsetAction#DESTROY} the stored session is deleted at the end of the request,
     * with {@link UnsetAction#KEEP} it is left alone. Nothing is saved and no cookie is sent.
     */
    void unset();

    /** {@return whether {@link #destroy()} or {@link #unset()} was called} Such a session refuses changes. */
    boolean isInvalidated();
}
