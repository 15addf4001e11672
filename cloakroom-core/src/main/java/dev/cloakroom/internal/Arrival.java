package dev.cloakroom.internal;

import tools.jackson.databind.node.ObjectNode;

/**
 * How a session entered this request, or how this request created it: express-session's
 * {@code originalId} and {@code originalHash}, and the cookie's attributes besides, so that a
 * handler's "remember me" or any other change to the cookie counts as a change. Its tree is never
 * changed in place; a reload replaces the whole arrival.
 */
record Arrival(String id, ObjectNode attributes, CookieState.Shape cookie) {

    /** {@return whether {@code sessionId} is the id the session arrived with, not one a regeneration gave it} */
    boolean hasId(String sessionId) {
        return id.equals(sessionId);
    }

    /** {@return whether {@code tree} holds other values than the session arrived with} */
    boolean valuesDiffer(ObjectNode tree) {
        return !JsonEquality.same(attributes, tree);
    }

    /** {@return whether the cookie's attributes are no longer those the session arrived with} */
    boolean cookieDiffers(CookieState.Shape now) {
        return !cookie.equals(now);
    }
}
