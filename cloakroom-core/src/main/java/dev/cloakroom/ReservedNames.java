package dev.cloakroom;

/**
 * What {@link Session#set} does with an attribute name that express-session reserves. When
 * express-session loads a stored session it skips every top-level key that names a property its
 * {@code req.session} already has: {@code id}, {@code req}, its methods ({@code save},
 * {@code reload}, {@code destroy}, {@code regenerate}, {@code touch}, {@code resetMaxAge}) and
 * what every JavaScript object inherits ({@code constructor}, {@code toString}, {@code valueOf},
 * {@code hasOwnProperty}, {@code __proto__} and the like). An attribute of such a name, set here,
 * is therefore gone after a Node app sharing the store saves the session.
 *
 * <p>{@code cookie} and {@code __cloakroom} are refused whatever this says: the first is the cookie
 * object, the second Cloakroom's own data.
 */
public enum ReservedNames {

    /** Accept the name and log one WARN per name, naming the attribute and the fix. The default. */
    WARN,

    /** Refuse the name: {@code set} throws {@link IllegalArgumentException} naming the attribute and why. */
    REFUSE,

    /** Accept the name silently, for an application whose store no Node app shares. */
    ALLOW
}
