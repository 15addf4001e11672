package dev.cloakroom.servlet.internal;

import dev.cloakroom.Session;
import dev.cloakroom.SessionCookie;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Enumeration;

/**
 * An {@link HttpSession} view of one request's Cloakroom {@link Session}. Attributes are the
 * session's attributes, so they are stored as JSON and shared with express-session; a value must
 * be something Jackson can write.
 *
 * <p>What does not map one to one, and what this class does instead:
 * <ul>
 *   <li>{@link #getAttribute}: a value set in this request comes back as the same object; a
 *       stored value comes back in its JSON shape (maps, lists, strings, numbers, booleans).
 *       Use {@code CloakroomFilter.session(request).get(name, Type.class)} for a typed value.
 *       Changing a returned map or list in place is seen and saved.</li>
 *   <li>Times: the stored document is express-session's and has no creation or access time, and
 *       Cloakroom adds no hidden attribute for them. {@link #getLastAccessedTime()} is the moment
 *       the store last recorded a use of the session (its expiry minus its max age), or the
 *       start of this request for a new session or a browser-session cookie.
 *       {@link #getCreationTime()} is the earliest moment known: the same value.</li>
 *   <li>{@link #getMaxInactiveInterval()} is the cookie's original max age in seconds, rounded up;
 *       {@code -1} for a browser-session cookie, which the cookie never expires (the store still
 *       drops an unused one after its default lifetime, one day for {@code MemoryStore}).</li>
 *   <li>{@link #setMaxInactiveInterval(int)} sets the cookie's max age from now; zero or less makes
 *       it a browser-session cookie. As in express-session, the browser gets the new expiry when
 *       the cookie is next sent: for a new or changed session, or every time with {@code rolling}.</li>
 *   <li>{@link #invalidate()} destroys the session in the store at once; like every servlet
 *       container, the view then refuses attribute calls with {@link IllegalStateException}.</li>
 *   <li>Binding and attribute listeners are not called.</li>
 * </ul>
 */
public final class CloakroomHttpSession implements HttpSession {

    private final Session session;
    private final ServletContext servletContext;
    private final long knownSince;

    CloakroomHttpSession(Session session, ServletContext servletContext, long requestStart) {
        this.session = session;
        this.servletContext = servletContext;
        this.knownSince = lastUse(session, requestStart);
    }

    private static long lastUse(Session session, long requestStart) {
        if (session.isNew()) {
            return requestStart;
        }
        SessionCookie cookie = session.cookie();
        if (cookie.expires().isEmpty() || cookie.originalMaxAge().isEmpty()) {
            return requestStart;
        }
        Instant lastUse = cookie.expires().get().minus(cookie.originalMaxAge().get());
        return Math.min(lastUse.toEpochMilli(), requestStart);
    }

    /** The Cloakroom session behind this view. */
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
        return knownSince;
    }

    @Override
    public String getId() {
        return session.id();
    }

    @Override
    public long getLastAccessedTime() {
        checkValid();
        return knownSince;
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
        return session.cookie().originalMaxAge().map(CloakroomHttpSession::ceilSeconds).orElse(-1);
    }

    private static int ceilSeconds(Duration d) {
        long millis = d.toMillis();
        long seconds = millis <= 0 ? 0 : (millis + 999) / 1000;
        return (int) Math.min(seconds, Integer.MAX_VALUE);
    }

    @Override
    public Object getAttribute(String name) {
        checkValid();
        return session.get(name, Object.class).orElse(null);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        checkValid();
        return Collections.enumeration(session.keys());
    }

    /** Stores {@code value} as JSON; {@code null} removes the attribute, as the servlet spec says. */
    @Override
    public void setAttribute(String name, Object value) {
        checkValid();
        if (value == null) {
            session.remove(name);
        } else {
            session.set(name, value);
        }
    }

    @Override
    public void removeAttribute(String name) {
        checkValid();
        session.remove(name);
    }

    @Override
    public void invalidate() {
        checkValid();
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
