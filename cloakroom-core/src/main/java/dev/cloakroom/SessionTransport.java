package dev.cloakroom;

import dev.cloakroom.internal.OptionChecks;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the signed session id travels between client and server. {@link #cookie()} is the default
 * and what browsers need. {@link #bearer()} and {@link #header(String)} are for API, native and
 * mobile clients: no cookie is sent at all. The id is signed with the same secrets as a cookie
 * would be, and a token that does not verify means "no session", at no cost to the store.
 *
 * <p>A header token is {@code <id>.<signature>}, what express's cookie-signature {@code sign()}
 * returns, without the cookie's {@code s:} prefix: a {@code :} is not allowed in an RFC 6750 bearer
 * token. The server sends it in a response header when the client does not have it yet (a new
 * session, {@code regenerate}, a servlet {@code changeSessionId}) and when the client's token was
 * signed with a secret other than the first, so clients move to the new secret before the old one
 * is retired. When the client's session is destroyed, the same header goes out empty: forget the
 * token. Every response carrying the header also gets {@code Cache-Control: no-store}.
 *
 * <p>Keep tokens out of reach of scripts in browsers: a token in JavaScript storage can be stolen
 * by any XSS, an {@code HttpOnly} cookie cannot. Browsers never add these headers by themselves,
 * so header transport needs no CSRF token.
 */
public final class SessionTransport {

    /** The response header {@link #bearer()} issues tokens in. */
    public static final String DEFAULT_BEARER_RESPONSE_HEADER = "Session-Token";

    /** Headers that already mean something else, so a session token must not be carried in them. */
    private static final Set<String> TAKEN = Set.of("authorization", "cookie", "set-cookie", "cache-control",
            "content-length", "content-type", "host", "connection", "transfer-encoding", "vary", "www-authenticate");

    /** Where the id travels. */
    public enum Kind {
        /** A {@code Set-Cookie} / {@code Cookie} pair, express-session's way. */
        COOKIE,
        /** {@code Authorization: Bearer <token>} in requests, a named header in responses. */
        BEARER,
        /** One named header, both ways. */
        HEADER
    }

    private static final SessionTransport COOKIE = new SessionTransport(Kind.COOKIE, null, null);

    private final Kind kind;
    private final String requestHeader;
    private final String responseHeader;

    private SessionTransport(Kind kind, String requestHeader, String responseHeader) {
        this.kind = kind;
        this.requestHeader = requestHeader;
        this.responseHeader = responseHeader;
    }

    /** {@return the signed cookie, as express-session; the default} */
    public static SessionTransport cookie() {
        return COOKIE;
    }

    /**
     * {@return {@code Authorization: Bearer <token>} in requests, the token issued in the
     * {@value #DEFAULT_BEARER_RESPONSE_HEADER} response header}
     */
    public static SessionTransport bearer() {
        return bearer(DEFAULT_BEARER_RESPONSE_HEADER);
    }

    /**
     * {@return {@code Authorization: Bearer <token>} in requests, the token issued in {@code responseHeader}}
     *
     * @param responseHeader an HTTP header name such as {@code Session-Token}
     * @throws IllegalArgumentException when the name is not a header name, or one HTTP already uses
     */
    public static SessionTransport bearer(String responseHeader) {
        return new SessionTransport(Kind.BEARER, "Authorization", checkName("transport bearer response header", responseHeader));
    }

    /**
     * {@return the token in one named header, such as {@code X-Session-Id}, in requests and responses}
     *
     * @param name an HTTP header name
     * @throws IllegalArgumentException when the name is not a header name, or one HTTP already uses
     */
    public static SessionTransport header(String name) {
        String checked = checkName("transport header", name);
        return new SessionTransport(Kind.HEADER, checked, checked);
    }

    /** {@return where the id travels} */
    public Kind kind() {
        return kind;
    }

    /** {@return whether the id travels in a cookie} */
    public boolean isCookie() {
        return kind == Kind.COOKIE;
    }

    /** {@return the request header the token is read from; empty for the cookie} */
    public Optional<String> requestHeader() {
        return Optional.ofNullable(requestHeader);
    }

    /** {@return the response header the token is issued in; empty for the cookie} */
    public Optional<String> responseHeader() {
        return Optional.ofNullable(responseHeader);
    }

    private static String checkName(String option, String name) {
        Objects.requireNonNull(name, option + " must not be null");
        if (name.isEmpty() || !OptionChecks.isToken(name)) {
            throw new IllegalArgumentException(option + " must be an HTTP header name (a token, such as X-Session-Id), got '"
                    + name + "'");
        }
        if (TAKEN.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(option + " must not be " + name + ", which HTTP already uses for something"
                    + " else; pick a name of your own such as X-Session-Id" + (name.equalsIgnoreCase("Authorization")
                    ? ", or SessionTransport.bearer() for Authorization: Bearer" : ""));
        }
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionTransport t && t.kind == kind && Objects.equals(t.requestHeader, requestHeader)
                && Objects.equals(t.responseHeader, responseHeader);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, requestHeader, responseHeader);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case COOKIE -> "cookie";
            case BEARER -> "bearer (Authorization: Bearer, issued in " + responseHeader + ")";
            case HEADER -> "header " + requestHeader;
        };
    }
}
