package dev.cloakroom.servlet.internal;

import dev.cloakroom.SessionConflictException;
import dev.cloakroom.SessionException;
import dev.cloakroom.SessionTooLargeException;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Turning a save Cloakroom refused, which wrote nothing, into its answer:
 * {@link SessionTooLargeException} into {@code 413 Content Too Large}, {@link SessionConflictException}
 * into {@code 409 Conflict}. Not 5xx: the server did not fail, and the client can act (send less,
 * or try again).
 */
public final class SaveRefusals {

    private static final byte[] TOO_LARGE = "Content Too Large: the session would grow past the size this server allows; nothing was saved.\n"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] CONFLICT = "Conflict: another request changed this session at the same time; nothing was saved. Please try again.\n"
            .getBytes(StandardCharsets.UTF_8);

    private SaveRefusals() {
    }

    /**
     * {@return the refusal behind {@code failure}, following causes, or {@code null}}
     *
     * @param failure what the filter chain or a commit threw
     */
    public static SessionException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SessionTooLargeException || t instanceof SessionConflictException) {
                return (SessionException) t;
            }
        }
        return null;
    }

    /**
     * Replaces the uncommitted response with the refusal's status and a fixed plain-text body.
     *
     * @param response the response, not yet committed
     * @param refusal  what {@link #find} returned
     * @throws IOException when the body cannot be written
     */
    public static void answer(HttpServletResponse response, SessionException refusal) throws IOException {
        boolean tooLarge = refusal instanceof SessionTooLargeException;
        byte[] body = tooLarge ? TOO_LARGE : CONFLICT;
        response.reset();
        response.setStatus(tooLarge ? 413 : HttpServletResponse.SC_CONFLICT);
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        try {
            response.getOutputStream().write(body);
        } catch (IllegalStateException writerInUse) {
            response.getWriter().write(new String(body, StandardCharsets.UTF_8));
        }
    }
}
