package dev.cloakroom.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small shop: form login, remember-me and a cart, with its sessions kept by Cloakroom. The
 * store is chosen by profile: none (memory), {@code redis} or {@code postgres}.
 */
@SpringBootApplication
public class ShopApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }
}
