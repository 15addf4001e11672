package dev.cloakroom.servlet.internal;

import dev.cloakroom.SessionConflictException;
import dev.cloakroom.SessionStoreException;
import dev.cloakroom.SessionTooLargeException;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The container's async context, committing the session in {@link #complete()} before the
 * response is completed: an asynchronous request leaves the filter long before it ends, so the
 * filter's own commit cannot come in time.
 */
final class SessionAsyncContext implements AsyncContext {

    private final AsyncContext async;
    private final RequestSessions sessions;
    private final HttpServletResponse rawResponse;

    SessionAsyncContext(AsyncContext async, RequestSessions sessions, HttpServletResponse rawResponse) {
        this.async = async;
        this.sessions = sessions;
        this.rawResponse = rawResponse;
    }

    AsyncContext delegate() {
        return async;
    }

    /** Commits the session, or answers 503 (store failed), 413 or 409 (save refused) when nothing was sent yet, then completes. */
    @Override
    public void complete() {
        try {
            sessions.commit();
        } catch (SessionStoreException | SessionTooLargeException | SessionConflictException e) {
            try {
                StoreFailures.answered(e, sessions, rawResponse);
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
        } finally {
            async.complete();
        }
    }

    @Override
    public ServletRequest getRequest() {
        return async.getRequest();
    }

    @Override
    public ServletResponse getResponse() {
        return async.getResponse();
    }

    @Override
    public boolean hasOriginalRequestAndResponse() {
        return async.hasOriginalRequestAndResponse();
    }

    @Override
    public void dispatch() {
        async.dispatch();
    }

    @Override
    public void dispatch(String path) {
        async.dispatch(path);
    }

    @Override
    public void dispatch(ServletContext context, String path) {
        async.dispatch(context, path);
    }

    /**
     * Runs {@code run} as the container does, except that a failure with an answer of
     * Cloakroom's (503, 409, 413) becomes that answer and completes the request while nothing was
     * sent yet, as in the filter. Otherwise the container would log it and leave the client
     * waiting for the async timeout.
     */
    @Override
    public void start(Runnable run) {
        async.start(() -> {
            try {
                run.run();
            } catch (RuntimeException e) {
                if (!answered(e)) {
                    SessionStoreException storeFailure = StoreFailures.find(e);
                    throw storeFailure == null ? e : new IllegalStateException(StoreFailures.afterCommit(storeFailure).getMessage());
                }
                async.complete();
            }
        });
    }

    private boolean answered(RuntimeException e) {
        try {
            return StoreFailures.answered(e, sessions, rawResponse);
        } catch (IOException io) {
            e.addSuppressed(io);
            return false;
        }
    }

    @Override
    public void addListener(AsyncListener listener) {
        async.addListener(listener);
    }

    @Override
    public void addListener(AsyncListener listener, ServletRequest request, ServletResponse response) {
        async.addListener(listener, request, response);
    }

    @Override
    public <T extends AsyncListener> T createListener(Class<T> type) throws ServletException {
        return async.createListener(type);
    }

    @Override
    public void setTimeout(long timeout) {
        async.setTimeout(timeout);
    }

    @Override
    public long getTimeout() {
        return async.getTimeout();
    }
}
