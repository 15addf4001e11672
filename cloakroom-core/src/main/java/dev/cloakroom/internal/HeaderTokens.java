package dev.cloakroom.internal;

import dev.cloakroom.SessionExchange;
import dev.cloakroom.SessionRequest;
import dev.cloakroom.SessionTransport;

import java.util.List;
import java.util.Optional;

/**
 * Reads and issues the session token of {@link SessionTransport#bearer()} and
 * {@link SessionTransport#header(String)}: {@code <id>.<signature>}, as cookie-signature signs it,
 * without the cookie's {@code s:}. As with the cookie, anything doubtful is "no session" and the
 * store is never asked about it.
 */
final class HeaderTokens {

    /** The longest token read or issued, as for a cookie value. */
    static final int MAX_TOKEN_LENGTH = SessionCookieReader.MAX_VALUE_LENGTH;

    private static final String BEARER = "Bearer";

    private final SessionTransport transport;
    private final String requestHeader;
    private final String responseHeader;
    private final CookieSigner signer;

    HeaderTokens(SessionTransport transport, CookieSigner signer) {
        this.transport = transport;
        this.requestHeader = transport.requestHeader().orElseThrow();
        this.responseHeader = transport.responseHeader().orElseThrow();
        this.signer = signer;
    }

    /**
     * The verified id the request's token carries, or empty when there is none, it is malformed or
     * oversized, its signature does not verify, or the header comes more than once with different
     * tokens (which one the client meant cannot be told).
     */
    Optional<CookieSigner.Verified> read(SessionRequest request) {
        List<String> values = request.headers(requestHeader);
        String token = null;
        for (String value : values) {
            String t = tokenIn(value);
            if (t == null) {
                continue;
            }
            if (token != null && !token.equals(t)) {
                return Optional.empty();
            }
            token = t;
        }
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return signer.verify(token).filter(v -> !v.value().isEmpty());
    }

    /** The token in one header value; null when it carries none (another scheme in {@code Authorization}). */
    private String tokenIn(String value) {
        String v = value.trim();
        if (transport.kind() != SessionTransport.Kind.BEARER) {
            return v;
        }
        // RFC 9110 §11.4: the scheme is case-insensitive and followed by one or more spaces.
        if (v.length() <= BEARER.length() || !v.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || v.charAt(BEARER.length()) != ' ') {
            return null;
        }
        return v.substring(BEARER.length()).trim();
    }

    /**
     * Refuses an id that could not travel in this header, or would make a token too long to be
     * read back: better a clear failure when the session is made than a client that never keeps it.
     *
     * @throws IllegalStateException naming genid
     */
    void checkId(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = transport.kind() == SessionTransport.Kind.BEARER ? isB64TokenChar(c) : c > 0x20 && c < 0x7f && c != ',';
            if (!ok) {
                throw new IllegalStateException("genid returned a session id with the character '" + c + "' (position "
                        + (i + 1) + "), which " + (transport.kind() == SessionTransport.Kind.BEARER
                        ? "an RFC 6750 bearer token cannot carry: use letters, digits and - . _ ~ + /"
                        : "the " + requestHeader + " header cannot carry safely: use visible ASCII without commas")
                        + " (the default ids are base64url)");
            }
        }
        int length = token(id).length();
        if (length > MAX_TOKEN_LENGTH) {
            throw new IllegalStateException("genid returned a session id of " + id.length() + " characters: the signed"
                    + " token would be " + length + " bytes, over the " + MAX_TOKEN_LENGTH + " Cloakroom reads back."
                    + " Return shorter ids (the default is 32 characters)");
        }
    }

    private static boolean isB64TokenChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "-._~+/".indexOf(c) >= 0;
    }

    String token(String id) {
        return signer.sign(id);
    }

    /** Gives the client the token for {@code id}; the response must not be cached, as it holds a credential. */
    void issue(SessionExchange exchange, String id) {
        exchange.setHeader(responseHeader, token(id));
        exchange.setHeader("Cache-Control", "no-store");
    }

    /** Tells the client to forget its token: the header, empty, as Spring Session's header resolver does. */
    void forget(SessionExchange exchange) {
        exchange.setHeader(responseHeader, "");
        exchange.setHeader("Cache-Control", "no-store");
    }
}
