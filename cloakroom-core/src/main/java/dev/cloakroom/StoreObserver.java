package dev.cloakroom;

import java.time.Duration;

/**
 * Watches core's calls to the session store, for metrics: how long each took and how it ended,
 * compare-and-set conflicts and retries, the size of what was saved, and the requests answered
 * {@code 503} because the store failed. Register with
 * {@link SessionOptions.Builder#observer(StoreObserver)}; every method does nothing unless
 * overridden. With no observer registered, core does not even read the clock.
 *
 * <p>Observers run on the request's thread, inside the store call's bookkeeping, so they must be
 * quick; one that throws is logged once at WARN and otherwise ignored. They are told operations and
 * numbers, never session ids.
 */
public interface StoreObserver {

    /** How a store call ended. */
    enum Outcome {
        /** The call did what was asked. */
        SUCCESS,
        /** A compare-and-set ({@code replace}) found the document changed or gone, and wrote nothing. */
        CONFLICT,
        /** The store threw; the request gets a {@link SessionStoreException}. */
        ERROR
    }

    /**
     * A session manager was made with options naming this observer, and will use {@code store}.
     * Called once per manager, before any request; a metrics observer reads its gauge from here.
     *
     * @param store the options' store
     */
    default void attached(SessionStore store) {
    }

    /**
     * One store call finished.
     *
     * @param operation {@code get}, {@code set}, {@code replace}, {@code touch} or {@code destroy}
     * @param duration  how long the call took
     * @param outcome   how it ended
     */
    default void operation(String operation, Duration duration, Outcome outcome) {
    }

    /** A compare-and-set save lost to a concurrent write (or a destroy) and wrote nothing. */
    default void conflict() {
    }

    /** After a conflict, core re-read the session and is trying the compare-and-set again with its own changes re-applied. */
    default void retry() {
    }

    /**
     * A session document was written ({@code set}, or a {@code replace} that succeeded).
     *
     * @param bytes the document's size in UTF-8 bytes
     */
    default void saved(int bytes) {
    }

    /** An adapter answered a request {@code 503 Service Unavailable} because the store failed. */
    default void unavailable() {
    }
}
