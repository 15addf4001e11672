package dev.cloakroom;

import java.util.Map;
import java.util.Set;

/** Optional abilities of a store that can see all its sessions (express-session's all/length/clear). */
public interface EnumerableSessionStore extends SessionStore {

    /** {@return every live session, by id} Meant for admin tools, not for the request path. */
    Map<String, StoredSession> all();

    /** {@return the ids of every live session} */
    Set<String> ids();

    /** {@return how many live sessions there are} */
    long length();

    /** Removes every session. */
    void clear();
}
