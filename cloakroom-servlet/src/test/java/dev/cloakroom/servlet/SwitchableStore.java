package dev.cloakroom.servlet;

import dev.cloakroom.MemoryStore;
import dev.cloakroom.SessionStore;
import dev.cloakroom.StoredSession;

import java.util.Optional;

/**
 * A real {@link MemoryStore} that can be switched off, to play a store that went down. The failure
 * names the session id in its message and its cause's, as a driver echoing a key would, so a leak
 * of it into a body or a log would show.
 */
final class SwitchableStore implements SessionStore {

    final MemoryStore memory = new MemoryStore();
    volatile boolean down;

    private void check(String id) {
        if (down) {
            throw new IllegalStateException("connection refused while reading session " + id,
                    new RuntimeException("server reply: no key sess:" + id));
        }
    }

    @Override
    public Optional<StoredSession> get(String id) {
        check(id);
        return memory.get(id);
    }

    @Override
    public void set(String id, StoredSession session) {
        check(id);
        memory.set(id, session);
    }

    @Override
    public void destroy(String id) {
        check(id);
        memory.destroy(id);
    }

    @Override
    public void touch(String id, StoredSession session) {
        check(id);
        memory.touch(id, session);
    }
}
