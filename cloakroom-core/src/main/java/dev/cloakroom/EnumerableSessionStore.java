package dev.cloakroom;

import java.util.Map;
import java.util.Set;

/** Optional abilities of a store that can see all its sessions (express-session's all/length/clear). */
public interface EnumerableSessionStore extends SessionStore {

    /** Every live session, by id. Meant for admin tools, not for the request path. */
    Map<String, StoredSession> all();

    /** The ids of every live session. */
    Set<String> ids();

    /** How many live sessions there are. */
    long length();

    /** Removes every session. */
    void clear();
}
