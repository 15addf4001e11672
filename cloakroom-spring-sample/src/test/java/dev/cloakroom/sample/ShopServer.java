package dev.cloakroom.sample;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/** One running instance of the shop on a free loopback port, started as a user would start it. */
final class ShopServer implements AutoCloseable {

    static final String SECRET = "test-secret-only-for-the-sample-tests";
    static final String ALICE_PASSWORD = "alice-pw";

    private final ConfigurableApplicationContext context;
    private final String base;

    private ShopServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** Starts an instance with the test secrets and users, plus {@code args} (profiles, store addresses). */
    static ShopServer start(String... args) {
        List<String> all = new ArrayList<>(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--cloakroom.secret=" + SECRET,
                "--shop.remember-me-key=test-remember-me-key",
                "--shop.users.alice=" + ALICE_PASSWORD,
                "--shop.users.bob=bob-pw",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        all.addAll(List.of(args));
        return new ShopServer(new SpringApplicationBuilder(ShopApplication.class).run(all.toArray(String[]::new)));
    }

    String base() {
        return base;
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    Browser browser() {
        return new Browser(base);
    }

    @Override
    public void close() {
        context.close();
    }
}
