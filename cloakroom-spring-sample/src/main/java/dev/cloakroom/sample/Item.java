package dev.cloakroom.sample;

/** One line of the cart. */
public record Item(String name, int quantity) {
}
