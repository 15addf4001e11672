package dev.cloakroom.servlet.internal;

import dev.cloakroom.Session;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Optional;

/**
 * An {@link HttpSession} view of one request's Cloakroom {@link Session}. Attributes are the
 * session's attributes, stored as JSON and shared with express-session; a value must be something
 * Jackson can write, or {@link #setAttribute} fails naming the attribute and the class.
 *
 * <p>What does not map one to one, and what this class does instead:
 * <ul>
 *   <li>{@link #getAttribute}: a value set in this request comes back as the same object; a stored
 *       value comes back as the Java type it was set with when that type is allowed by the
 *       session's {@code AttributeTypes} (see the README), otherwise in its JSON shape (maps,
 *       lists, strings, numbers, booleans). Changing a returned object in place is seen and saved.</li>
 *   <li>{@link #getCreationTime()} is the creation time Cloakroom stored beside the document. A
 *       session another application created has none; then it is the last-access time below.</li>
 *   <li>{@link #getLastAccessedTime()} is when the session was last used before this request,
 *       {@link Session#lastUsed()}: the expiry the store held, which every use moves, less the
 *       idle limit ({@link #getMaxInactiveInterval()}). With {@code touchAfter} it is the last time
 *       the expiry moved; for a new session, and a browser-session cookie with no
 *       {@code idleTimeout}, the start of this request.</li>
 *   <li>{@link #getMaxInactiveInterval()} is the server-side idle limit in seconds, rounded up:
 *       with the {@code idleTimeout} option, that timeout, or the cookie's original max age when
 *       it is shorter (the browser drops the cookie first). Without it, the cookie's original max
 *       age, which is then the idle limit; {@code -1} for a browser-session cookie, which the
 *       cookie never expires (the store still drops an unused one after its default lifetime, one
 *       day for {@code MemoryStore}).</li>
 *   <li>{@link #setMaxInactiveInterval(int)} sets the cookie's max age from now; zero or less makes
 *       it a browser-session cookie. A new value is saved and the cookie sent with it in the same
 *       response, as core does for any new max age of a stored session. With {@code idleTimeout}
 *       set it can shorten the idle limit of this session but not lengthen it: the option applies
 *       to every session.</li>
 *   <li>{@link #invalidate()} tells {@code HttpSessionListener}s, unbinds every attribute, then
 *       destroys the session in the store at once; the view then refuses attribute calls with
 *       {@link IllegalStateException}, as every servlet container does.</li>
 *   <li>Binding and attribute listeners are called for changes made through this view. Expiry
 *       happens inside the store, so no listener hears of a session that simply times out.</li>
 * </ul>
 */
public final class CloakroomHttpSession implements HttpSession {

    private final Session session;
    private final ServletContext servletContext;
    private final SessionListeners listeners;
    private final long lastAccessed;
    /** The options' idle limit, or null when the cookie's max age is the idle limit. */
    private final Duration idleTimeout;

    CloakroomHttpSession(Session session, ServletContext servletContext, long requestStart, SessionListeners listeners,
                         Duration idleTimeout) {
        this.session = session;
        this.idleTimeout = idleTimeout;
        this.servletContext = servletContext;
        this.listeners = listeners;
        this.lastAccessed = lastUse(session, requestStart);
    }

    private static long lastUse(Session session, long requestStart) {
        return session.lastUsed().map(used -> Math.min(used.toEpochMilli(), requestStart)).orElse(requestStart);
    }

    /** {@return the Cloakroom session behind this view} */
    public Session session() {
        return session;
    }

    private void checkValid() {
        if (session.isInvalidated()) {
            throw new IllegalStateException("the session has been invalidated");
        }
    }

    @Override
    public long getCreationTime() {
        checkValid();
        return session.created().map(Instant::toEpochMilli).orElse(lastAccessed);
    }

    @Override
    public String getId() {
        return session.id();
    }

    @Override
    public long getLastAccessedTime() {
        checkValid();
        return lastAccessed;
    }

    @Override
    public ServletContext getServletContext() {
        return servletContext;
    }

    @Override
    public void setMaxInactiveInterval(int interval) {
        session.cookie().maxAge(interval > 0 ? Duration.ofSeconds(interval) : null);
    }

    @Override
    public int getMaxInactiveInterval() {
        Optional<Duration> maxAge = session.cookie().originalMaxAge();
        if (idleTimeout != null) {
            return ceilSeconds(maxAge.filter(m -> m.compareTo(idleTimeout) < 0).orElse(idleTimeout));
        }
        return maxAge.map(CloakroomHttpSession::ceilSeconds).orElse(-1);
    }

    private static int ceilSeconds(Duration d) {
        long millis = d.toMillis();
        long seconds = millis <= 0 ? 0 : (millis + 999) / 1000;
        return (int) Math.min(seconds, Integer.MAX_VALUE);
    }

    @Override
    public Object getAttribute(String name) {
        checkValid();
        return session.get(name).orElse(null);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        checkValid();
        return Collections.enumeration(session.keys());
    }

    /**
     * Stores {@code value} as JSON; {@code null} removes the attribute, as the servlet spec says.
     *
     * @throws IllegalArgumentException when Jackson cannot write {@code value}; nothing changes then
     */
    @Override
    public void setAttribute(String name, Object value) {
        checkValid();
        if (value == null) {
            removeAttribute(name);
            return;
        }
        Object old = session.get(name).orElse(null);
        session.set(name, value);
        listeners.set(this, name, value, old);
    }

    @Override
    public void removeAttribute(String name) {
        checkValid();
        Object old = session.get(name).orElse(null);
        if (session.remove(name)) {
            listeners.removed(this, name, old);
        }
    }

    /** Listeners first, while the session can still be read, then every attribute unbound, then the store. */
    @Override
    public void invalidate() {
        checkValid();
        listeners.destroyed(this);
        for (String name : session.keys()) {
            listeners.removed(this, name, session.get(name).orElse(null));
        }
        session.destroy();
    }

    @Override
    public boolean isNew() {
        checkValid();
        return session.isNew();
    }

    @Override
    public String toString() {
        return "CloakroomHttpSession[" + session + "]";
    }
}
