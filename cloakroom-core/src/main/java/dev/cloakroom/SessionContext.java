package dev.cloakroom;

import java.util.Optional;

/**
 * Session handling for one request, made by {@link SessionManager#open(SessionExchange)}. Opening
 * only reads the cookie; the store is read the first time {@link #session()} or
 * {@link #existing()} is called, so a request that never asks costs no store access.
 */
public interface SessionContext {

    /**
     * {@return the visitor's session, loaded from the store on first use or created when there is none}
     *
     * @throws SessionStoreException when the store fails (adapters answer 503)
     * @throws IllegalStateException when the request path lies outside the cookie's path, where
     *                               the browser would never send the cookie back
     */
    Session session();

    /**
     * {@return the session if the visitor already has one (a valid cookie naming a stored session) or
     * one was created earlier in this request} Never creates one.
     *
     * @throws SessionStoreException when the store fails
     */
    Optional<Session> existing();

    /** {@return whether the request carried a correctly signed session cookie} It may still name no stored session. */
    boolean hasSignedCookie();

    /**
     * Tells the browser to forget the session cookie (an expired cookie of the same name, path and
     * domain). Use it at logout after {@link Session#destroy()}, which, as in express-session,
     * sends no cookie of its own. Under header transport it sends the token's response header
     * empty instead (a destroyed session's token is forgotten that way anyway).
     */
    void clearCookie();

    /**
     * Ends the request's session work: saves or touches the stored session and adds the
     * {@code Set-Cookie} header, following express-session's rules. Adapters call it before the
     * response is committed. Calling it again saves changes made since, but sends no second cookie.
     *
     * @throws SessionStoreException when the store fails
     */
    void commit();

    /**
     * Adapters call this when they answered the request {@code 503} because the store failed, so
     * {@link StoreObserver#unavailable()} counts exactly the requests that saw it. Applications need
     * not call it.
     */
    default void answeredUnavailable() {
    }
}
