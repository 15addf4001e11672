package dev.cloakroom.spring.boot;

import java.time.Duration;

/** {@code cloakroom.memory.*}: the in-memory store used when {@code cloakroom.store=memory}. */
public class MemoryStoreProperties {

    /** Most sessions kept; past that a new session is admitted only if used more than the one it would push out. */
    private int maxSessions = 100_000;

    /** How long a session without an expiry of its own (a browser-session cookie) is kept after its last use. */
    private Duration defaultTtl = Duration.ofDays(1);

    /**
     * {@return {@code cloakroom.memory.max-sessions}} Most sessions kept; past that a new anonymous
     * session is admitted only if used more than the one it would push out, and sessions bound to a
     * user are kept before anonymous ones.
     */
    public int getMaxSessions() {
        return maxSessions;
    }

    /**
     * Sets {@code cloakroom.memory.max-sessions}; see {@link #getMaxSessions()}.
     *
     * @param maxSessions the value
     */
    public void setMaxSessions(int maxSessions) {
        this.maxSessions = maxSessions;
    }

    /**
     * {@return {@code cloakroom.memory.default-ttl}} How long a session without an expiry of its
     * own (a browser-session cookie) is kept after its last use.
     */
    public Duration getDefaultTtl() {
        return defaultTtl;
    }

    /**
     * Sets {@code cloakroom.memory.default-ttl}; see {@link #getDefaultTtl()}.
     *
     * @param defaultTtl the value
     */
    public void setDefaultTtl(Duration defaultTtl) {
        this.defaultTtl = defaultTtl;
    }
}
