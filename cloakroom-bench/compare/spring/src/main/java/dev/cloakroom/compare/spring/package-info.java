/**
 * The side-by-side harness's Spring case: one Spring Boot application with Spring Security's form
 * login, its sessions in Redis through Spring Session Data Redis (profile {@code spring-session}) or
 * through Cloakroom's starter (profile {@code cloakroom}). The controller and security
 * configuration are the same either way.
 */
package dev.cloakroom.compare.spring;
