/**
 * The Cloakroom demo, an application rather than an API: the Express tutorial's login system on
 * Javalin and {@code cloakroom-javalin}, run as one jar.
 *
 * <p>{@link dev.cloakroom.demo.DemoApp} is the entry point; {@link dev.cloakroom.demo.DemoArgs} parses
 * the command line into a {@link dev.cloakroom.demo.DemoConfig}, and the store named by
 * {@code --store} is opened from a URL (memory, Redis, JDBC or MongoDB). The routes, the HTML pages and
 * the password hashing are package-private.
 */
package dev.cloakroom.demo;
