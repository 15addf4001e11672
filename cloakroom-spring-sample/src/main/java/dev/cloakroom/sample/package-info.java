/**
 * The Spring Boot sample, an application rather than an API: a shop on
 * {@code cloakroom-spring-boot-starter} and Spring Security, whose sessions (the login, the CSRF
 * token, the {@link dev.cloakroom.sample.Cart}) are Cloakroom sessions in memory, Redis or PostgreSQL.
 *
 * <p>{@link dev.cloakroom.sample.ShopApplication} starts it, {@link dev.cloakroom.sample.SecurityConfig}
 * puts every page behind a login, {@link dev.cloakroom.sample.ShopController} serves the pages, and
 * {@link dev.cloakroom.sample.SessionAudit} records the session events Spring Security publishes.
 */
package dev.cloakroom.sample;
