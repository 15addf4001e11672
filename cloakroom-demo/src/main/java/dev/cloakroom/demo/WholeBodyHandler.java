package dev.cloakroom.demo;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeoutException;

/**
 * Reads a request's whole body before the next handler runs, without holding a thread while the
 * bytes trickle in: Jetty calls back when more arrive. Javalin's handlers read bodies with
 * blocking reads, so without this each client that stalls mid-body holds a request thread.
 *
 * <p>A body that ends early (the client hung up) or stalls past the connection's idle timeout is
 * answered here ({@code 400}, {@code 408}) with one WARN line naming the request, never the
 * session, and never reaches the application. A body over {@code maxBytes} gets {@code 413}.
 *
 * <p>Jetty's own {@code EagerContentHandler} does the same reading, but keeps an idle timeout's
 * failure as one more chunk and waits on, so a stalled connection was never closed.
 */
final class WholeBodyHandler extends Handler.Wrapper {

    private static final Logger LOG = LoggerFactory.getLogger(WholeBodyHandler.class);

    private final long maxBytes;

    WholeBodyHandler(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long length = request.getLength();
        boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (length <= 0 && !chunked) {
            return super.handle(request, response, callback);
        }
        if (length > maxBytes) {
            Response.writeError(request, response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413);
            return true;
        }
        new Reader(request, response, callback).run();
        return true;
    }

    /** Collects the chunks; run again by Jetty each time more of the body arrives. */
    private final class Reader implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final Deque<Content.Chunk> chunks = new ArrayDeque<>();
        private long bytes;

        Reader(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
        }

        @Override
        public void run() {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    refuse(chunk.getFailure());
                    return;
                }
                chunks.add(chunk);
                bytes += chunk.remaining();
                if (bytes > maxBytes) {
                    release();
                    Response.writeError(request, response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413);
                    return;
                }
                if (chunk.isLast()) {
                    dispatch();
                    return;
                }
            }
        }

        /** One line, no stack trace: a client giving up is routine, and the trace says nothing about the demo. */
        private void refuse(Throwable failure) {
            release();
            boolean timedOut = failure instanceof TimeoutException;
            LOG.warn("{} {}: {} after {} of {} body bytes", request.getMethod(), request.getHttpURI().getPath(),
                    timedOut ? "the client stopped sending" : "the client closed the connection", bytes, expected());
            Response.writeError(request, response, callback,
                    timedOut ? HttpStatus.REQUEST_TIMEOUT_408 : HttpStatus.BAD_REQUEST_400);
        }

        private String expected() {
            HttpField length = request.getHeaders().getField(HttpHeader.CONTENT_LENGTH);
            return length == null ? "a chunked number of" : length.getValue();
        }

        private void dispatch() {
            Replay replay = new Replay(request, chunks);
            Callback releasing = new Callback.Nested(callback) {
                @Override
                public void completed() {
                    replay.release();
                }
            };
            try {
                if (!getHandler().handle(replay, response, releasing)) {
                    Response.writeError(replay, response, releasing, HttpStatus.NOT_FOUND_404);
                }
            } catch (Throwable t) {
                Response.writeError(replay, response, releasing, t);
            }
        }

        private void release() {
            chunks.forEach(Content.Chunk::release);
            chunks.clear();
        }
    }

    /** The request as the application sees it: the body comes from the chunks already read. */
    private static final class Replay extends Request.Wrapper {
        private final Deque<Content.Chunk> chunks;

        Replay(Request request, Deque<Content.Chunk> chunks) {
            super(request);
            this.chunks = chunks;
        }

        @Override
        public Content.Chunk read() {
            synchronized (chunks) {
                Content.Chunk next = chunks.pollFirst();
                return next != null ? next : super.read();
            }
        }

        @Override
        public void demand(Runnable demandCallback) {
            boolean ready;
            synchronized (chunks) {
                ready = !chunks.isEmpty();
            }
            if (ready) {
                demandCallback.run();
            } else {
                super.demand(demandCallback);
            }
        }

        void release() {
            synchronized (chunks) {
                chunks.forEach(Content.Chunk::release);
                chunks.clear();
            }
        }
    }
}
