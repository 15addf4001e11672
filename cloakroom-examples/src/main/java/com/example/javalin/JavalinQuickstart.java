package com.example.javalin;

import dev.cloakroom.Session;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.javalin.Cloakroom;
import dev.cloakroom.javalin.CloakroomPlugin;
import io.javalin.Javalin;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

public final class JavalinQuickstart {

    public record User(String username) {}

    // Stands in for your user store, which keeps password hashes, never passwords.
    private static final Map<String, String> PASSWORDS = Map.of("ada", "lovelace");

    public static void main(String[] args) {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "3000"));
        create(System.getenv("SESSION_SECRET")).start(port);
    }

    public static Javalin create(String secret) {
        SessionOptions options = SessionOptions.builder()
                .secret(secret)                                    // or .secrets(newKey, oldKey)
                .cookie(c -> c.maxAge(Duration.ofMinutes(30)))
                .build();                                          // the store defaults to a MemoryStore
        return Javalin.create(cfg -> {
            cfg.registerPlugin(new CloakroomPlugin(options));
            cfg.routes.post("/login", ctx -> {
                String username = ctx.formParam("username");
                String password = ctx.formParam("password");
                if (username == null || !PASSWORDS.getOrDefault(username, "").equals(password)) {
                    ctx.status(401).result("Invalid credentials");
                    return;
                }
                Session s = Cloakroom.session(ctx);
                s.regenerate();                        // a new id at every privilege change
                s.set("user", new User(username));     // records and POJOs are stored as JSON
                ctx.redirect("/dashboard");            // the store write has finished before this leaves
            });
            cfg.routes.get("/dashboard", ctx -> {
                Session s = Cloakroom.session(ctx);    // stored only once it holds data
                Optional<User> user = s.get("user", User.class);
                if (user.isEmpty()) {
                    ctx.status(401).result("Log in first");
                    return;
                }
                int visits = s.get("visits", Integer.class).orElse(0) + 1;
                s.set("visits", visits);
                ctx.result("Hello " + user.get().username() + ", visit " + visits);
            });
            cfg.routes.post("/logout", ctx -> {
                Cloakroom.existing(ctx).ifPresent(Session::destroy);
                Cloakroom.clearCookie(ctx);            // destroy() itself sends no cookie
                ctx.result("Logged out");
            });
        });
    }
}
