package dev.cloakroom.internal;

import dev.cloakroom.SessionRequest;

import java.util.Locale;

/** Whether a request counts as secure, by express-session's {@code issecure()} and the {@code proxy} option. */
final class SecureRequests {

    private SecureRequests() {
    }

    /**
     * A TLS connection always counts; then {@code proxy=false} stops, unset asks the framework, and
     * {@code proxy=true} reads only the first {@code X-Forwarded-Proto} value.
     */
    static boolean isSecure(SessionRequest request, Boolean proxy) {
        if (request.connectionIsSecure()) {
            return true;
        }
        if (proxy == null) {
            return request.isSecure();
        }
        if (!proxy) {
            return false;
        }
        String header = request.header("X-Forwarded-Proto");
        if (header == null) {
            return false;
        }
        int comma = header.indexOf(',');
        String proto = (comma >= 0 ? header.substring(0, comma) : header).trim().toLowerCase(Locale.ROOT);
        return proto.equals("https");
    }
}
