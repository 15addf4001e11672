package dev.cloakroom.spring.boot;

import dev.cloakroom.CookieOptions;
import dev.cloakroom.SameSite;
import dev.cloakroom.SecureMode;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.SessionStore;
import dev.cloakroom.SessionTransport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.cloakroom.spring.boot.EffectiveSetting.pick;
import static dev.cloakroom.spring.boot.ServletSessionProperties.PREFIX;

/**
 * Builds {@link SessionOptions} from {@code cloakroom.*}, the {@code server.servlet.session.*}
 * values that stand in for unset ones, the typed-attribute settings and the customizers. Every
 * invalid value fails here, at startup, naming the property it came from.
 */
final class SessionOptionsFactory {

    /** Marks a secret given as base64 key bytes rather than as a string. */
    static final String BASE64_PREFIX = "base64:";

    private SessionOptionsFactory() {
    }

    static SessionOptions create(CloakroomProperties p, ServletSessionProperties servlet, SessionStore store,
                                 TypedValuesConfigurer typedValues, List<CloakroomOptionsCustomizer> customizers) {
        List<String> secrets = p.getSecret() == null ? List.of() : p.getSecret();
        if (secrets.isEmpty() || secrets.stream().allMatch(s -> s == null || s.isBlank())) {
            throw new CloakroomConfigurationException("cloakroom.secret",
                    "is not set; Cloakroom signs the session cookie with it, and makes up no default.",
                    "Set cloakroom.secret to a long random value kept out of source control (for example through the"
                            + " CLOAKROOM_SECRET environment variable); a list rotates secrets, the first one signs.");
        }
        Map<String, String> sources = new HashMap<>();
        sources.put("secret", "cloakroom.secret");
        sources.put("unset", "cloakroom.unset");
        sources.put("reservedNames", "cloakroom.reserved-names");
        sources.put("touchAfter", "cloakroom.touch-after");
        sources.put("idleTimeout", "cloakroom.idle-timeout");
        sources.put("absoluteTimeout", "cloakroom.absolute-timeout");
        sources.put("rolling", "cloakroom.rolling");
        sources.put("maxSessionBytes", "cloakroom.max-session-bytes");
        sources.put("transport", "cloakroom.transport");
        sources.put("transport header", "cloakroom.transport-header");
        sources.put("transport bearer response header", "cloakroom.transport-header");

        EffectiveSetting<String> name = pick(p.getName(), "cloakroom.name", servlet.name(), PREFIX + "cookie.name");
        sources.put("name", name.property());
        sources.put("cookie name", name.property());
        SessionOptions.Builder builder = SessionOptions.builder();
        if (secrets.stream().anyMatch(s -> s != null && s.startsWith(BASE64_PREFIX))) {
            builder.secrets(secretKeys(secrets));
        } else {
            builder.secrets(secrets);
        }
        builder
                .resave(p.isResave())
                .saveUninitialized(p.isSaveUninitialized())
                .rolling(p.isRolling())
                .unset(p.getUnset())
                .reservedNames(p.getReservedNames())
                .proxy(p.getProxy())
                .touchAfter(p.getTouchAfter())
                .idleTimeout(p.getIdleTimeout())
                .absoluteTimeout(p.getAbsoluteTimeout())
                .maxSessionBytes(maxSessionBytes(p))
                .store(store);
        if (name.isSet()) {
            builder.name(name.value());
        }
        try {
            builder.transport(transport(p));
            builder.cookie(cookie(p.getCookie(), servlet, sources));
            typedValues.apply(builder);
            customizers.forEach(c -> c.customize(builder));
            return builder.build();
        } catch (IllegalArgumentException e) {
            CloakroomConfigurationException failure = OptionErrors.translate(e, sources, "cloakroom");
            if (customizers.isEmpty()) {
                throw failure;
            }
            throw new CloakroomConfigurationException(failure.property(), failure.problem(),
                    failure.action() + " The value may also come from one of the CloakroomOptionsCustomizer beans.");
        }
    }

    /** {@code cloakroom.max-session-bytes} in bytes; a size past what an int holds is no practical limit. */
    private static int maxSessionBytes(CloakroomProperties p) {
        long bytes = p.getMaxSessionBytes() == null ? SessionOptions.DEFAULT_MAX_SESSION_BYTES : p.getMaxSessionBytes().toBytes();
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, bytes));
    }

    /**
     * Each secret's key bytes: a {@code base64:} secret is decoded (a Node app's Buffer secret,
     * exported with {@code key.toString('base64')}), any other is its UTF-8 bytes. The message for
     * a bad one says which, never what it holds.
     */
    static byte[][] secretKeys(List<String> secrets) {
        byte[][] keys = new byte[secrets.size()][];
        for (int i = 0; i < keys.length; i++) {
            String s = secrets.get(i) == null ? "" : secrets.get(i);
            if (!s.startsWith(BASE64_PREFIX)) {
                if (s.isBlank()) {
                    throw new CloakroomConfigurationException("cloakroom.secret", "secret #" + (i + 1) + " is blank.",
                            "Give every secret in the list a long random value, or remove the empty entry.");
                }
                keys[i] = s.getBytes(StandardCharsets.UTF_8);
                continue;
            }
            try {
                keys[i] = Base64.getDecoder().decode(s.substring(BASE64_PREFIX.length()).trim());
            } catch (IllegalArgumentException e) {
                throw new CloakroomConfigurationException("cloakroom.secret",
                        "secret #" + (i + 1) + " starts with '" + BASE64_PREFIX + "' but the rest is not base64.",
                        "Give the key as 'base64:' followed by its standard base64 (for a Node Buffer,"
                                + " key.toString('base64')), or drop the prefix for a plain string secret.");
            }
        }
        return keys;
    }

    private static SessionTransport transport(CloakroomProperties p) {
        String header = p.getTransportHeader();
        return switch (p.getTransport() == null ? CloakroomProperties.Transport.COOKIE : p.getTransport()) {
            case COOKIE -> {
                if (header != null) {
                    throw new CloakroomConfigurationException("cloakroom.transport-header",
                            "is set, but cloakroom.transport is cookie, which uses no header.",
                            "Set cloakroom.transport=header (or bearer), or remove cloakroom.transport-header.");
                }
                yield SessionTransport.cookie();
            }
            case BEARER -> header == null ? SessionTransport.bearer() : SessionTransport.bearer(header);
            case HEADER -> {
                if (header == null) {
                    throw new CloakroomConfigurationException("cloakroom.transport-header",
                            "is not set; cloakroom.transport=header needs the name of the header that carries the token.",
                            "Set cloakroom.transport-header, for example to X-Session-Id.");
                }
                yield SessionTransport.header(header);
            }
        };
    }

    private static CookieOptions cookie(CookieProperties c, ServletSessionProperties s, Map<String, String> sources) {
        CookieOptions.Builder b = CookieOptions.builder();
        String own = "cloakroom.cookie.";
        String theirs = PREFIX + "cookie.";

        EffectiveSetting<String> path = pick(c.getPath(), own + "path", s.path(), theirs + "path");
        sources.put("cookie.path", path.property());
        if (path.isSet()) {
            b.path(path.value());
        }
        EffectiveSetting<String> domain = pick(c.getDomain(), own + "domain", s.domain(), theirs + "domain");
        sources.put("cookie.domain", domain.property());
        b.domain(domain.value());

        EffectiveSetting<Boolean> httpOnly = pick(c.getHttpOnly(), own + "http-only", s.httpOnly(), theirs + "http-only");
        sources.put("cookie.httpOnly", httpOnly.property());
        if (httpOnly.isSet()) {
            b.httpOnly(httpOnly.value());
        }
        CookieProperties.Secure servletSecure = s.secure() == null ? null
                : s.secure() ? CookieProperties.Secure.TRUE : CookieProperties.Secure.FALSE;
        EffectiveSetting<CookieProperties.Secure> secure = pick(c.getSecure(), own + "secure", servletSecure, theirs + "secure");
        sources.put("cookie.secure", secure.property());
        if (secure.isSet()) {
            b.secure(switch (secure.value()) {
                case TRUE -> SecureMode.ALWAYS;
                case FALSE -> SecureMode.NEVER;
                case AUTO -> SecureMode.AUTO;
            });
        }
        CookieProperties.SameSite servletSameSite = s.sameSite() == null ? null : CookieProperties.SameSite.valueOf(s.sameSite().name());
        EffectiveSetting<CookieProperties.SameSite> sameSite = pick(c.getSameSite(), own + "same-site", servletSameSite, theirs + "same-site");
        sources.put("cookie.sameSite", sameSite.property());
        if (sameSite.isSet()) {
            b.sameSite(switch (sameSite.value()) {
                case STRICT -> SameSite.STRICT;
                case LAX -> SameSite.LAX;
                case NONE -> SameSite.NONE;
                case AUTO -> SameSite.AUTO;
                case OMITTED -> null;
            });
        }
        EffectiveSetting<Boolean> partitioned = pick(c.getPartitioned(), own + "partitioned", s.partitioned(), theirs + "partitioned");
        sources.put("cookie.partitioned", partitioned.property());
        if (partitioned.isSet()) {
            b.partitioned(partitioned.value());
        }
        EffectiveSetting<Duration> maxAge = pick(c.getMaxAge(), own + "max-age", s.cookieMaxAge(), theirs + "max-age");
        maxAge = pick(maxAge.value(), maxAge.property(), s.timeout(), PREFIX + "timeout");
        sources.put("cookie.maxAge", maxAge.property());
        b.maxAge(maxAge.value());
        b.priority(c.getPriority());
        return b.build();
    }
}
