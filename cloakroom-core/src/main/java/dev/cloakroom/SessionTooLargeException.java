package dev.cloakroom;

/**
 * A save would have stored a session document larger than {@link SessionOptions#maxSessionBytes()};
 * nothing was written, and the store still holds what it held before. Adapters answer
 * {@code 413 Content Too Large}: it is the request that is refused, not the server that failed, and
 * sending it again fails the same way until the session holds less.
 *
 * <p>Raised when the session is saved (at the end of the request, or by {@link Session#save()}),
 * not by {@link Session#set}: the size is that of the whole stored JSON, known only once it is
 * written. It is also raised when merging this request's changes with a concurrent request's would
 * go over the limit, even if this request alone would not.
 */
public class SessionTooLargeException extends SessionException {

    /** The size in UTF-8 bytes the stored JSON would have had. */
    private final long bytes;
    /** The limit it went over. */
    private final int limit;

    /**
     * An exception for a document of {@code bytes} UTF-8 bytes over {@code limit}.
     *
     * @param bytes the size the stored JSON would have had
     * @param limit the limit it went over
     */
    public SessionTooLargeException(long bytes, int limit) {
        super("the session would be " + bytes + " bytes of stored JSON, over maxSessionBytes (" + limit
                + "); nothing was saved");
        this.bytes = bytes;
        this.limit = limit;
    }

    /** {@return the size in UTF-8 bytes the stored JSON would have had} */
    public long bytes() {
        return bytes;
    }

    /** {@return the limit, {@link SessionOptions#maxSessionBytes()}} */
    public int limit() {
        return limit;
    }
}
