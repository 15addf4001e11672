package dev.cloakroom.sample;

/**
 * One line of the cart.
 *
 * @param name     the product
 * @param quantity how many of it
 */
public record Item(String name, int quantity) {
}
