package dev.cloakroom.sample;

import java.util.ArrayList;
import java.util.List;

/** The visitor's cart, kept in the HTTP session as it is. */
public record Cart(List<Item> items) {

    /**
     * A cart, its list copied.
     *
     * @param items the items, one per name
     */
    public Cart {
        items = List.copyOf(items);
    }

    /** {@return a cart with nothing in it} */
    public static Cart empty() {
        return new Cart(List.of());
    }

    /**
     * {@return a cart with {@code quantity} more of {@code name}} This cart is unchanged.
     *
     * @param name     the product
     * @param quantity how many to add
     */
    public Cart add(String name, int quantity) {
        List<Item> next = new ArrayList<>();
        boolean found = false;
        for (Item item : items) {
            if (item.name().equals(name)) {
                next.add(new Item(name, item.quantity() + quantity));
                found = true;
            } else {
                next.add(item);
            }
        }
        if (!found) {
            next.add(new Item(name, quantity));
        }
        return new Cart(next);
    }
}
