package dev.cloakroom.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small shop: form login, remember-me and a cart, with its sessions kept by Cloakroom. The
 * store is chosen by profile: none (memory), {@code redis} ({@code REDIS_URL}) or {@code postgres}
 * ({@code DATABASE_URL}, {@code DATABASE_USER}, {@code DATABASE_PASSWORD}). The secrets come from
 * the environment: {@code CLOAKROOM_SECRET}, {@code SHOP_REMEMBER_ME_KEY}, and the two customers'
 * passwords {@code SHOP_ALICE_PASSWORD} and {@code SHOP_BOB_PASSWORD}. For example:
 *
 * <pre>
 * mvn -pl cloakroom-spring-sample -am package -DskipTests
 * CLOAKROOM_SECRET=... SHOP_REMEMBER_ME_KEY=... SHOP_ALICE_PASSWORD=... SHOP_BOB_PASSWORD=... \
 *   java -jar cloakroom-spring-sample/target/cloakroom-spring-sample.jar --spring.profiles.active=redis
 * </pre>
 */
@SpringBootApplication
public class ShopApplication {

    /**
     * Starts the shop.
     *
     * @param args Spring Boot's command line, such as {@code --spring.profiles.active=redis}
     */
    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }
}
