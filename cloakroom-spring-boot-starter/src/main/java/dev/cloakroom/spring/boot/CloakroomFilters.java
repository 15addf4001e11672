package dev.cloakroom.spring.boot;

import dev.cloakroom.SessionOptions;
import dev.cloakroom.servlet.CloakroomFilter;

import java.util.EventListener;
import java.util.List;

/** Creates the {@link CloakroomFilter} with the context's session listeners. */
final class CloakroomFilters {

    private CloakroomFilters() {
    }

    /** {@code listeners}: the context's HttpSessionListener, HttpSessionAttributeListener and HttpSessionIdListener beans, each once. */
    static CloakroomFilter create(SessionOptions options, List<EventListener> listeners) {
        return new CloakroomFilter(options, listeners);
    }
}
