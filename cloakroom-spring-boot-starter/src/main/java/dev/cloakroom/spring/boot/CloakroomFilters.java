package dev.cloakroom.spring.boot;

import dev.cloakroom.SessionOptions;
import dev.cloakroom.servlet.CloakroomFilter;

import java.util.EventListener;
import java.util.List;

/**
 * Creates the {@link CloakroomFilter} with the context's session listeners. This is the one place
 * that talks to the servlet module's listener API.
 */
final class CloakroomFilters {

    private CloakroomFilters() {
    }

    /**
     * Waiting for the servlet module's {@code CloakroomFilter(options, listeners)}: until then the
     * listeners are not told of session events. The wiring is {@code new CloakroomFilter(options, listeners)}.
     */
    static CloakroomFilter create(SessionOptions options, List<EventListener> listeners) {
        return new CloakroomFilter(options);
    }
}
