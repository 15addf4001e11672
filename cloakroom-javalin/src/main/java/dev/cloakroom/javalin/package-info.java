/**
 * Cloakroom for Javalin 7: register {@link dev.cloakroom.javalin.CloakroomPlugin} with the
 * application's {@code SessionOptions}, then reach the request's session from any handler through
 * {@link dev.cloakroom.javalin.Cloakroom#session(io.javalin.http.Context)}.
 *
 * <p>The plugin opens core's session handling before each request and commits it (the store write
 * and the {@code Set-Cookie} header) before the response leaves; a store failure becomes a
 * {@code 503}. The adapter only translates between Javalin and {@code dev.cloakroom}.
 */
package dev.cloakroom.javalin;
