package dev.cloakroom.spring.boot;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.server.Cookie;
import org.springframework.boot.web.server.servlet.Session;
import org.springframework.util.ClassUtils;

import java.time.Duration;
import java.util.Set;

/**
 * The {@code server.servlet.session.*} values the user set, each {@code null} when not set.
 * Cloakroom replaces the container's sessions, so these either map onto Cloakroom's settings or
 * make startup fail; {@link #read} fails for those with no Cloakroom meaning (tracking modes
 * other than cookies, persistence, a store directory). See the README, "Spring Boot quickstart".
 */
record ServletSessionProperties(String name, String path, String domain, Boolean httpOnly, Boolean secure,
                                Cookie.SameSite sameSite, Boolean partitioned, Duration cookieMaxAge, Duration timeout) {

    static final String PREFIX = "server.servlet.session.";
    private static final ServletSessionProperties NONE =
            new ServletSessionProperties(null, null, null, null, null, null, null, null, null);

    /** Reads what is set; none of it when Spring Boot's web-server module is absent (then nothing reads them). */
    static ServletSessionProperties read(Binder binder) {
        if (!ClassUtils.isPresent("org.springframework.boot.web.server.servlet.Session",
                ServletSessionProperties.class.getClassLoader())) {
            return NONE;
        }
        Session session = binder.bind("server.servlet.session", Session.class).orElseGet(Session::new);
        refuseUnsupported(binder, session);
        Cookie c = session.getCookie();
        return new ServletSessionProperties(c.getName(), c.getPath(), c.getDomain(), c.getHttpOnly(), c.getSecure(),
                c.getSameSite(), c.getPartitioned(), c.getMaxAge(),
                isSet(binder, "timeout") ? session.getTimeout() : null);
    }

    private static void refuseUnsupported(Binder binder, Session session) {
        Set<Session.SessionTrackingMode> modes = session.getTrackingModes();
        if (modes != null && !modes.equals(Set.of(Session.SessionTrackingMode.COOKIE))) {
            throw new CloakroomConfigurationException(PREFIX + "tracking-modes",
                    "is " + modes + ", but Cloakroom keeps track of sessions with its cookie only.",
                    "Remove " + PREFIX + "tracking-modes (or set it to cookie).");
        }
        if (session.isPersistent()) {
            throw new CloakroomConfigurationException(PREFIX + "persistent",
                    "is true, but Cloakroom replaces the container's sessions, so the container has none to persist.",
                    "Remove " + PREFIX + "persistent; to keep sessions across restarts set cloakroom.store to redis, jdbc or mongodb.");
        }
        if (session.getStoreDir() != null || isSet(binder, "store-dir")) {
            throw new CloakroomConfigurationException(PREFIX + "store-dir",
                    "is set, but Cloakroom replaces the container's sessions, so the container stores none.",
                    "Remove " + PREFIX + "store-dir; to keep sessions across restarts set cloakroom.store to redis, jdbc or mongodb.");
        }
        if (isSet(binder, "timeout") && (session.getTimeout() == null || session.getTimeout().isNegative()
                || session.getTimeout().isZero() || session.getTimeout().toMillis() < 1000)) {
            throw new CloakroomConfigurationException(PREFIX + "timeout",
                    "is " + session.getTimeout() + "; Cloakroom needs a positive lifetime (it has no sessions that never expire).",
                    "Set " + PREFIX + "timeout to a positive duration, or remove it and leave cloakroom.cookie.max-age unset"
                            + " for a browser-session cookie (the store then keeps an idle session for its default TTL).");
        }
    }

    private static boolean isSet(Binder binder, String name) {
        return binder.bind(PREFIX + name, Bindable.of(String.class)).isBound();
    }
}
