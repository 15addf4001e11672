package dev.cloakroom.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A store failure's message chain made safe for a log line: every occurrence of the session id
 * becomes its fingerprint, line breaks become spaces, and the text is bounded. Only messages and
 * simple class names are kept; stack traces and the exceptions themselves are not.
 */
final class ScrubbedCauses {

    private static final int MAX_DEPTH = 8;
    private static final int MAX_LENGTH = 1000;

    private ScrubbedCauses() {
    }

    /** E.g. {@code "SQLException: Table \"SESSIONS\" not found <- ConnectException: refused"}. */
    static String of(Throwable failure, String id) {
        String fingerprint = SessionIds.fingerprint(id);
        StringBuilder text = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH && seen.add(t); t = t.getCause(), depth++) {
            if (depth > 0) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName());
            String message = t.getMessage();
            if (message != null && !message.isEmpty()) {
                text.append(": ").append(message);
            }
        }
        String safe = (id.isEmpty() ? text.toString() : text.toString().replace(id, fingerprint))
                .replaceAll("[\\r\\n\\t]+", " ");
        return safe.length() <= MAX_LENGTH ? safe : safe.substring(0, MAX_LENGTH) + "...";
    }
}
