/**
 * Cloakroom's Spring Boot 4 auto-configuration: {@link dev.cloakroom.spring.boot.CloakroomAutoConfiguration}
 * registers {@code cloakroom-servlet}'s filter ahead of Spring Security, so every
 * {@code request.getSession()} in the application is a Cloakroom session.
 *
 * <p>{@link dev.cloakroom.spring.boot.CloakroomProperties} and its nested classes bind
 * {@code cloakroom.*}; the store comes from {@code cloakroom.store} and Spring Boot's own connection
 * settings ({@link dev.cloakroom.spring.boot.SpringDataRedisSettings} for Redis, the application's
 * {@code DataSource} or {@code MongoClient}). Beans win over properties: a {@code SessionStore}, a
 * {@code SessionOptions}, or a {@link dev.cloakroom.spring.boot.CloakroomOptionsCustomizer}. An invalid
 * setting fails at startup with a {@link dev.cloakroom.spring.boot.CloakroomConfigurationException}
 * naming the property, which {@link dev.cloakroom.spring.boot.CloakroomFailureAnalyzer} turns into
 * Boot's failure report. The factories behind this are package-private.
 */
package dev.cloakroom.spring.boot;
