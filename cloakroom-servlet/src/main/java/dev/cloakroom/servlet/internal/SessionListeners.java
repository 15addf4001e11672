package dev.cloakroom.servlet.internal;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.EventListener;
import java.util.List;
import java.util.function.Consumer;

/**
 * The servlet session listeners the filter was given, called where the Servlet specification
 * calls them. A listener that throws is logged and skipped: it never fails the request or keeps a
 * session alive.
 */
public final class SessionListeners {

    private static final Logger LOG = LoggerFactory.getLogger("dev.cloakroom");

    private final List<HttpSessionListener> lifecycle = new ArrayList<>();
    private final List<HttpSessionAttributeListener> attributes = new ArrayList<>();
    private final List<HttpSessionIdListener> ids = new ArrayList<>();

    /**
     * Sorts the listeners by the session listener types each implements.
     *
     * @param listeners the listeners
     * @throws IllegalArgumentException for a listener of none of the three session listener types
     */
    public SessionListeners(List<? extends EventListener> listeners) {
        for (EventListener l : listeners) {
            boolean known = false;
            if (l instanceof HttpSessionListener s) {
                lifecycle.add(s);
                known = true;
            }
            if (l instanceof HttpSessionAttributeListener a) {
                attributes.add(a);
                known = true;
            }
            if (l instanceof HttpSessionIdListener i) {
                ids.add(i);
                known = true;
            }
            if (!known) {
                throw new IllegalArgumentException("listeners: " + l.getClass().getName() + " is not an HttpSessionListener,"
                        + " HttpSessionAttributeListener or HttpSessionIdListener");
            }
        }
    }

    void created(HttpSession session) {
        HttpSessionEvent event = new HttpSessionEvent(session);
        each(lifecycle, l -> l.sessionCreated(event));
    }

    void destroyed(HttpSession session) {
        HttpSessionEvent event = new HttpSessionEvent(session);
        each(lifecycle, l -> l.sessionDestroyed(event));
    }

    void idChanged(HttpSession session, String oldId) {
        HttpSessionEvent event = new HttpSessionEvent(session);
        each(ids, l -> l.sessionIdChanged(event, oldId));
    }

    /** After {@code name} was set to {@code value}, replacing {@code old} (null when it was absent). */
    void set(HttpSession session, String name, Object value, Object old) {
        if (value != old && value instanceof HttpSessionBindingListener bound) {
            call(() -> bound.valueBound(new HttpSessionBindingEvent(session, name, value)));
        }
        if (value != old && old instanceof HttpSessionBindingListener unbound) {
            call(() -> unbound.valueUnbound(new HttpSessionBindingEvent(session, name, old)));
        }
        if (old == null) {
            HttpSessionBindingEvent event = new HttpSessionBindingEvent(session, name, value);
            each(attributes, l -> l.attributeAdded(event));
        } else {
            HttpSessionBindingEvent event = new HttpSessionBindingEvent(session, name, old);
            each(attributes, l -> l.attributeReplaced(event));
        }
    }

    /** After {@code name}, which held {@code old}, was removed. */
    void removed(HttpSession session, String name, Object old) {
        if (old instanceof HttpSessionBindingListener unbound) {
            call(() -> unbound.valueUnbound(new HttpSessionBindingEvent(session, name, old)));
        }
        HttpSessionBindingEvent event = new HttpSessionBindingEvent(session, name, old);
        each(attributes, l -> l.attributeRemoved(event));
    }

    private static <L> void each(List<L> listeners, Consumer<L> call) {
        for (L l : listeners) {
            call(() -> call.accept(l));
        }
    }

    private static void call(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("a session listener failed; the request goes on: {}", e.toString());
        }
    }
}
