package dev.cloakroom.internal;

import tools.jackson.databind.node.ObjectNode;

/** What commits so far have done; a request may commit more than once (see {@link RequestContext#commit()}). */
final class Commits {
    boolean done;
    /** The id whose cookie a commit sent, or null. */
    String cookieSentFor;
    boolean touched;
    boolean unsetDestroyed;
    /** The attributes the first commit saw, to spot changes made after it. */
    ObjectNode atFirst;
    /** The session's {@link SessionState#editMark()} when {@link #atFirst} was taken. */
    long editsAtFirst;
}
