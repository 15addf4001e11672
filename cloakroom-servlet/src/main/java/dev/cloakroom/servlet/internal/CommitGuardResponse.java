package dev.cloakroom.servlet.internal;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * The response handed to the application. Every call that can commit the response commits the
 * session first, so the store write has finished, and the cookie is in the headers, before the
 * status line leaves: redirects, errors, {@link #flushBuffer()}, and the first write, flush or
 * close of the body stream or writer.
 *
 * <p>Committing at the first body byte rather than when the buffer overflows is deliberate: it
 * needs no byte counting (which {@code Content-Length} would also end) and costs nothing extra,
 * since the session is committed once per request either way. Session changes made after the
 * body started are still saved when the filter finishes, without a new cookie.
 */
public final class CommitGuardResponse extends HttpServletResponseWrapper {

    private final RequestSessions sessions;
    private final ServletExchange exchange;
    private ServletOutputStream rawStream;
    private ServletOutputStream guardedStream;
    private PrintWriter rawWriter;
    private PrintWriter guardedWriter;

    /**
     * Guards {@code response}, committing {@code sessions} before its first byte or flush.
     *
     * @param response the container's response
     * @param sessions the request's session handling
     */
    public CommitGuardResponse(HttpServletResponse response, RequestSessions sessions) {
        super(response);
        this.sessions = sessions;
        this.exchange = sessions.exchange();
    }

    void beforeCommit() {
        sessions.commitOnce();
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        beforeCommit();
        super.sendRedirect(location);
    }

    @Override
    public void sendRedirect(String location, boolean clearBuffer) throws IOException {
        beforeCommit();
        super.sendRedirect(location, clearBuffer);
    }

    @Override
    public void sendRedirect(String location, int sc) throws IOException {
        beforeCommit();
        super.sendRedirect(location, sc);
    }

    @Override
    public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
        beforeCommit();
        super.sendRedirect(location, sc, clearBuffer);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        beforeCommit();
        super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
        beforeCommit();
        super.sendError(sc);
    }

    /** A reset drops every header, the session cookie included; it is put back, as the session stays saved. */
    @Override
    public void reset() {
        super.reset();
        exchange.restoreSessionCookies();
    }

    @Override
    public void flushBuffer() throws IOException {
        beforeCommit();
        super.flushBuffer();
    }

    /** The container's stream behind a guard; the container still enforces "not after getWriter()". */
    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        ServletOutputStream raw = super.getOutputStream();
        if (raw != rawStream) {
            rawStream = raw;
            guardedStream = new GuardedOutputStream(raw, this::beforeCommit);
        }
        return guardedStream;
    }

    /**
     * The container's writer behind a guard. The container keeps choosing the character encoding
     * and enforces "not after getOutputStream()".
     */
    @Override
    public PrintWriter getWriter() throws IOException {
        PrintWriter raw = super.getWriter();
        if (raw != rawWriter) {
            rawWriter = raw;
            guardedWriter = new PrintWriter(new GuardedWriter(raw, this::beforeCommit));
        }
        return guardedWriter;
    }
}
