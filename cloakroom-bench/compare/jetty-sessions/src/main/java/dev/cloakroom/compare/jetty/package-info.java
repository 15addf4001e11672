/**
 * The side-by-side harness's Jetty case: the demo's {@code /get-session} and {@code /set-session}
 * on Javalin with the session handler Javalin installs by default, which keeps sessions in
 * Jetty's memory as Java objects, without signing or serialising them.
 */
package dev.cloakroom.compare.jetty;
