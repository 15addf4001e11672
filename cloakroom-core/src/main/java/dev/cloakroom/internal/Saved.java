package dev.cloakroom.internal;

import tools.jackson.databind.node.ObjectNode;

/**
 * What this request regards as stored for its session, the mark express-session keeps as
 * {@code savedHash}: the attributes and cookie it last wrote or, with {@code resave} off, those it
 * loaded. {@link #OWED} while a save is owed: for a session this request created, or one it loaded
 * with {@code resave} on. Its tree is never changed in place; a save replaces the whole snapshot.
 */
record Saved(ObjectNode attributes, CookieState.Shape cookie) {

    /** Nothing this request holds counts as stored. */
    static final Saved OWED = new Saved(null, null);

    /** {@return what a just-loaded session counts as stored: its arrival, unless {@code resave} asks for a save anyway} */
    static Saved atLoad(Arrival arrival, boolean resave) {
        return resave ? OWED : new Saved(arrival.attributes(), arrival.cookie());
    }

    /** {@return whether a save is owed whatever the session holds} */
    boolean isOwed() {
        return this == OWED;
    }

    /**
     * Whether a session now holding {@code tree} and {@code cookie} is what is stored. When this
     * snapshot is the arrival's own tree (a load with resave off), the commit's comparison of the
     * tree with the arrival, {@code changedSinceArrival}, answers, so the tree is compared once.
     */
    boolean isSavedAs(ObjectNode tree, CookieState.Shape cookie, Arrival arrival, boolean changedSinceArrival) {
        if (isOwed() || !this.cookie.equals(cookie)) {
            return false;
        }
        return attributes == arrival.attributes() ? !changedSinceArrival : JsonEquality.same(tree, attributes);
    }
}
