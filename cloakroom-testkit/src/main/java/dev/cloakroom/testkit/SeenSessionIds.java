package dev.cloakroom.testkit;

import dev.cloakroom.testkit.http.SetCookie;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every session id the tests of this JVM have met: in a {@code Set-Cookie} a server sent, in a
 * signed {@code Cookie} a test sent, in a {@link DirectExchange}, or passed to an
 * {@link InstrumentedStore}. {@link NoSessionIdInLogs} searches the log for them. The test HTTP
 * clients, the direct exchange and the instrumented store record here themselves, so a test needs
 * to do nothing for its ids to be checked; a test with a client of its own records its cookies.
 */
public final class SeenSessionIds {

    /**
     * Ids shorter than this are not searched for: a custom {@code genid} such as {@code apple}
     * cannot be told apart from an ordinary word in a log line. Default ids have 32 characters.
     */
    public static final int MIN_LENGTH = 8;

    private static final Set<String> IDS = ConcurrentHashMap.newKeySet();

    private SeenSessionIds() {
    }

    /**
     * Records a session id.
     *
     * @param id the id; {@code null} and ids shorter than {@link #MIN_LENGTH} are ignored
     */
    public static void record(String id) {
        if (id != null && id.length() >= MIN_LENGTH) {
            IDS.add(id);
        }
    }

    /**
     * Records the id inside a signed cookie value ({@code s%3A<id>.<signature>}); other values are
     * ignored, since an unsigned value is never taken as a session id.
     *
     * @param cookieValue a cookie value, URL-encoded as sent
     */
    public static void recordCookieValue(String cookieValue) {
        String decoded;
        try {
            decoded = URLDecoder.decode(cookieValue, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return;
        }
        int dot = decoded.lastIndexOf('.');
        if (decoded.startsWith("s:") && dot > 2) {
            record(decoded.substring(2, dot));
        }
    }

    /**
     * Records the ids in every signed pair of a {@code Cookie} request header.
     *
     * @param cookieHeader such as {@code connect.sid=s%3A...; theme=dark}
     */
    public static void recordCookieHeader(String cookieHeader) {
        for (String pair : cookieHeader.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                recordCookieValue(pair.substring(eq + 1).trim());
            }
        }
    }

    /**
     * Records the id of every signed cookie among {@code Set-Cookie} header values.
     *
     * @param setCookieHeaders the values, as received
     */
    public static void recordSetCookies(Iterable<String> setCookieHeaders) {
        for (String header : setCookieHeaders) {
            try {
                recordCookieValue(SetCookie.parse(header).value());
            } catch (IllegalArgumentException e) {
                // not a cookie at all; nothing to record
            }
        }
    }

    /** {@return the ids recorded so far} */
    public static Set<String> all() {
        return Set.copyOf(IDS);
    }
}
