package dev.cloakroom.demo;

/** The logged-in visitor, stored in the session under {@code user} (as JSON, by Jackson). */
public record User(String username, String role) {
}
