package dev.cloakroom.demo;

import dev.cloakroom.SecureMode;

import java.time.Duration;
import java.util.List;

/**
 * The demo's settings, as parsed by {@link DemoArgs}. Immutable.
 *
 * @param port               the port to listen on; 0 picks a free one
 * @param secrets            cookie secrets, newest first: the first signs, all verify
 * @param secretGenerated    whether {@code secrets} is a random one made at startup (sessions die with the process)
 * @param users              the accounts that can log in
 * @param defaultUsers       whether {@code users} is the built-in {@code admin:secret}
 * @param maxAge             the session cookie's idle lifetime
 * @param rolling            whether every response that used the session re-sends the cookie
 * @param cookieSecure       when the cookie carries {@code Secure}
 * @param trustProxy         whether {@code X-Forwarded-Proto} decides if a request was HTTPS
 * @param cookieName         the session cookie's name
 * @param store              the {@code --store} value: {@code memory} or a store URL (see {@link DemoStores})
 * @param passwordIterations PBKDF2 iterations for the password hashes; not a flag, see {@link PasswordHasher}
 * @param idleTimeout        the server-side inactivity limit, or {@code null} to let {@code maxAge} be it
 * @param absoluteTimeout    the longest a session lives from its creation, or {@code null} for no limit
 * @param memory             the bounds of the in-memory store, used when {@code store} is {@code memory}
 */
public record DemoConfig(int port, List<String> secrets, boolean secretGenerated, List<Credential> users,
                         boolean defaultUsers, Duration maxAge, boolean rolling, SecureMode cookieSecure,
                         boolean trustProxy, String cookieName, String store, int passwordIterations,
                         Duration idleTimeout, Duration absoluteTimeout, MemoryBounds memory) {

    /**
     * The in-memory store's bounds; each {@code null} keeps {@code MemoryStore}'s default (100,000
     * sessions; a quarter of the heap).
     *
     * @param maxSessions the most sessions held, or {@code null}
     * @param maxBytes    the most bytes of sessions held, or {@code null}
     */
    public record MemoryBounds(Integer maxSessions, Long maxBytes) {
        /** The store's own defaults. */
        public static final MemoryBounds DEFAULTS = new MemoryBounds(null, null);
    }

    /**
     * A user name and its plain-text password, as given on the command line; hashed at startup.
     *
     * @param username the name to log in with
     * @param password the password, never printed
     */
    public record Credential(String username, String password) {
        @Override
        public String toString() {
            return "Credential[" + username + ", password hidden]";
        }
    }

    /**
     * A configuration, its lists copied.
     *
     * @param port               the port to listen on; 0 picks a free one
     * @param secrets            cookie secrets, newest first: the first signs, all verify
     * @param secretGenerated    whether {@code secrets} is a random one made at startup
     * @param users              the accounts that can log in
     * @param defaultUsers       whether {@code users} is the built-in {@code admin:secret}
     * @param maxAge             the session cookie's idle lifetime
     * @param rolling            whether every response that used the session re-sends the cookie
     * @param cookieSecure       when the cookie carries {@code Secure}
     * @param trustProxy         whether {@code X-Forwarded-Proto} decides if a request was HTTPS
     * @param cookieName         the session cookie's name
     * @param store              the {@code --store} value
     * @param passwordIterations PBKDF2 iterations for the password hashes
     * @param idleTimeout        the inactivity limit, or {@code null}
     * @param absoluteTimeout    the absolute lifetime, or {@code null}
     * @param memory             the in-memory store's bounds
     */
    public DemoConfig {
        secrets = List.copyOf(secrets);
        users = List.copyOf(users);
    }

    /**
     * {@return this configuration with another PBKDF2 iteration count} Tests use a small one to stay fast.
     *
     * @param iterations the iteration count
     */
    public DemoConfig withPasswordIterations(int iterations) {
        return new DemoConfig(port, secrets, secretGenerated, users, defaultUsers, maxAge, rolling, cookieSecure,
                trustProxy, cookieName, store, iterations, idleTimeout, absoluteTimeout, memory);
    }

    /**
     * {@return this configuration listening on another port}
     *
     * @param newPort the port; 0 picks a free one
     */
    public DemoConfig withPort(int newPort) {
        return new DemoConfig(newPort, secrets, secretGenerated, users, defaultUsers, maxAge, rolling, cookieSecure,
                trustProxy, cookieName, store, passwordIterations, idleTimeout, absoluteTimeout, memory);
    }

    @Override
    public String toString() {
        return "DemoConfig[port=" + port + ", secrets=" + secrets.size() + " hidden, users=" + users
                + ", maxAge=" + maxAge + ", rolling=" + rolling + ", cookieSecure=" + cookieSecure
                + ", trustProxy=" + trustProxy + ", cookieName=" + cookieName + ", store=" + store + ", idleTimeout=" + idleTimeout + ", absoluteTimeout=" + absoluteTimeout + ", memory=" + memory + "]";
    }
}
