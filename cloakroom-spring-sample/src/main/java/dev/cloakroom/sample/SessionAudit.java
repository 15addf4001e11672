package dev.cloakroom.sample;

import org.springframework.context.event.EventListener;
import org.springframework.security.web.session.HttpSessionCreatedEvent;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.security.web.session.HttpSessionIdChangedEvent;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps a log of session events as Spring Security publishes them (through its
 * {@code HttpSessionEventPublisher}, which the Cloakroom starter hands to its filter): a shop
 * would audit logins this way, or count active sessions.
 */
@Component
public class SessionAudit {

    private final List<String> events = new CopyOnWriteArrayList<>();

    @EventListener
    void created(HttpSessionCreatedEvent event) {
        events.add("created " + event.getSession().getId());
    }

    @EventListener
    void idChanged(HttpSessionIdChangedEvent event) {
        events.add("changed " + event.getOldSessionId() + " " + event.getNewSessionId());
    }

    @EventListener
    void destroyed(HttpSessionDestroyedEvent event) {
        events.add("destroyed " + event.getId());
    }

    /** {@return what happened so far, oldest first} */
    public List<String> events() {
        return List.copyOf(events);
    }
}
