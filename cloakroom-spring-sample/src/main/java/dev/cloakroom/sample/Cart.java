package dev.cloakroom.sample;

import java.util.ArrayList;
import java.util.List;

/** The visitor's cart, kept in the HTTP session as it is. */
public record Cart(List<Item> items) {

    public Cart {
        items = List.copyOf(items);
    }

    public static Cart empty() {
        return new Cart(List.of());
    }

    /** A cart with {@code quantity} more of {@code name}. */
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
