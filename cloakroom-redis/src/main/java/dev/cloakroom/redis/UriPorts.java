package dev.cloakroom.redis;

import java.util.Locale;

/**
 * Checks the ports of a {@code redis://}, {@code rediss://}, {@code redis-sentinel://} or
 * {@code redis-cluster://} URI before Lettuce sees it. Lettuce reads {@code redis://localhost:abc}
 * without complaint and fails only when connecting, as if Redis were down; a port that is not a
 * number from 1 to 65535 is a typo, and is refused at build time like any other bad URI. Errors
 * never repeat the URI, which may hold a password.
 */
final class UriPorts {

    private UriPorts() {
    }

    static void check(String uri) {
        int schemeEnd = uri.indexOf("://");
        if (schemeEnd < 0 || uri.toLowerCase(Locale.ROOT).startsWith("redis-socket")) {
            return; // not host:port at all; the URI parser has its own message for that
        }
        String rest = uri.substring(schemeEnd + 3);
        int end = rest.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String authority = rest.substring(0, end);
        String hosts = authority.substring(authority.lastIndexOf('@') + 1);
        for (String node : hosts.split(",", -1)) {
            String port = portOf(node.trim());
            if (port != null && !isPort(port)) {
                throw new IllegalArgumentException("uri: the port must be a number from 1 to 65535, as in"
                        + " redis://host:6379; one host:port in the URI has another port");
            }
        }
    }

    /** The text after the host's colon, or null when the node names no port. */
    private static String portOf(String node) {
        if (node.startsWith("[")) {
            int close = node.indexOf(']');
            return close >= 0 && close + 1 < node.length() && node.charAt(close + 1) == ':' ? node.substring(close + 2) : null;
        }
        int colon = node.lastIndexOf(':');
        return colon >= 0 ? node.substring(colon + 1) : null;
    }

    private static boolean isPort(String port) {
        if (port.isEmpty() || port.length() > 5) {
            return false;
        }
        for (int i = 0; i < port.length(); i++) {
            if (port.charAt(i) < '0' || port.charAt(i) > '9') {
                return false;
            }
        }
        int value = Integer.parseInt(port);
        return value >= 1 && value <= 65535;
    }
}
