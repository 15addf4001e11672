/**
 * Cloakroom's public API: server-side sessions with express-session's cookie and stored format.
 *
 * <p>{@link dev.cloakroom.SessionOptions} (with {@link dev.cloakroom.CookieOptions} and
 * {@link dev.cloakroom.AttributeTypes}) configures everything and is checked when built.
 * {@link dev.cloakroom.SessionManager} is what an adapter holds: for each request it opens a
 * {@link dev.cloakroom.SessionContext} over the adapter's {@link dev.cloakroom.SessionExchange}, whose
 * {@link dev.cloakroom.Session} handlers read and change. {@link dev.cloakroom.SessionStore} is the
 * store SPI, {@link dev.cloakroom.EnumerableSessionStore} the optional ability to list sessions, and
 * {@link dev.cloakroom.MemoryStore} the default store. The Javalin, Servlet and store modules build on
 * this package alone; {@code dev.cloakroom.internal} holds the implementation.
 */
package dev.cloakroom;
