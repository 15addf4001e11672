package dev.cloakroom.servlet;

import dev.cloakroom.MemoryStore;
import dev.cloakroom.SessionStore;
import dev.cloakroom.StoredSession;

import java.util.Optional;

/** A real {@link MemoryStore} that can be switched off, to play a store that went down. */
final class SwitchableStore implements SessionStore {

    final MemoryStore memory = new MemoryStore();
    volatile boolean down;

    private void check() {
        if (down) {
            throw new IllegalStateException("connection refused");
        }
    }

    @Override
    public Optional<StoredSession> get(String id) {
        check();
        return memory.get(id);
    }

    @Override
    public void set(String id, StoredSession session) {
        check();
        memory.set(id, session);
    }

    @Override
    public void destroy(String id) {
        check();
        memory.destroy(id);
    }

    @Override
    public void touch(String id, StoredSession session) {
        check();
        memory.touch(id, session);
    }
}
