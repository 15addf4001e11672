package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.Priority;
import dev.cloakroom.SameSite;
import dev.cloakroom.Session;
import dev.cloakroom.SessionCookie;
import dev.cloakroom.SessionGoneException;
import dev.cloakroom.testkit.TestCall;
import dev.cloakroom.testkit.TestRoutes;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The application most lifecycle tests talk to, written once for every adapter. Query parameters
 * {@code k} and {@code v} name an attribute and its value.
 * <ul>
 *   <li>{@code /none}: never asks for the session;</li>
 *   <li>{@code /view}: asks for the session without changing it; body {@code new} or {@code loaded};</li>
 *   <li>{@code /set?k=&v=}: sets an attribute; {@code /get?k=}: the attribute or {@code -};</li>
 *   <li>{@code /count}: increments attribute {@code n} and answers it;</li>
 *   <li>{@code /regenerate}, {@code /destroy}, {@code /unset}, {@code /touch}: those session calls;</li>
 *   <li>{@code /save?k=&v=}: sets an attribute and saves at once; {@code /reload?k=}: reloads, then as /get;</li>
 *   <li>{@code /cookie?secure=&httpOnly=&partitioned=&path=&domain=&sameSite=&priority=&maxAge=&expires=}: changes
 *       the session cookie's attributes given, in that order ({@code null} clears one; {@code maxAge} in ms,
 *       {@code expires} ISO-8601); body {@code changed}, or {@code refused: } and the message.</li>
 * </ul>
 */
public final class LifecycleRoutes {

    private LifecycleRoutes() {
    }

    /** {@return the routes listed in the class comment} */
    public static TestRoutes standard() {
        return TestRoutes.create()
                .on("/none", call -> call.body("none"))
                .on("/view", call -> call.body(call.sessions().session().isNew() ? "new" : "loaded"))
                .on("/set", call -> {
                    call.sessions().session().set(call.query("k"), call.query("v"));
                    call.body("set");
                })
                .on("/get", LifecycleRoutes::get)
                .on("/count", call -> {
                    Session s = call.sessions().session();
                    int n = s.get("n", Integer.class).orElse(0) + 1;
                    s.set("n", n);
                    call.body(String.valueOf(n));
                })
                .on("/regenerate", call -> {
                    call.sessions().session().regenerate();
                    call.body("regenerated");
                })
                .on("/destroy", call -> {
                    call.sessions().session().destroy();
                    call.body("destroyed");
                })
                .on("/unset", call -> {
                    call.sessions().session().unset();
                    call.body("unset");
                })
                .on("/touch", call -> {
                    call.sessions().session().touch();
                    call.body("touched");
                })
                .on("/save", call -> {
                    Session s = call.sessions().session();
                    s.set(call.query("k"), call.query("v"));
                    s.save();
                    call.body("saved");
                })
                .on("/cookie", LifecycleRoutes::cookie)
                .on("/reload", call -> {
                    try {
                        call.sessions().session().reload();
                    } catch (SessionGoneException e) {
                        call.body("gone");
                        return;
                    }
                    get(call);
                });
    }

    private static void cookie(TestCall call) {
        SessionCookie c = call.sessions().session().cookie();
        try {
            param(call, "secure", v -> c.secure(Boolean.parseBoolean(v)));
            param(call, "httpOnly", v -> c.httpOnly(Boolean.parseBoolean(v)));
            param(call, "partitioned", v -> c.partitioned(Boolean.parseBoolean(v)));
            param(call, "path", c::path);
            param(call, "domain", c::domain);
            param(call, "sameSite", v -> c.sameSite(v == null ? null : SameSite.valueOf(v.toUpperCase(Locale.ROOT))));
            param(call, "priority", v -> c.priority(v == null ? null : Priority.valueOf(v.toUpperCase(Locale.ROOT))));
            param(call, "maxAge", v -> c.maxAge(v == null ? null : Duration.ofMillis(Long.parseLong(v))));
            param(call, "expires", v -> c.expires(v == null ? null : Instant.parse(v)));
        } catch (IllegalArgumentException e) {
            call.body("refused: " + e.getMessage());
            return;
        }
        call.body("changed");
    }

    /** Runs {@code change} with the parameter's value, {@code null} for the word null, when the parameter is present. */
    private static void param(TestCall call, String name, Consumer<String> change) {
        String value = call.query(name);
        if (value != null) {
            change.accept("null".equals(value) ? null : value);
        }
    }

    private static void get(TestCall call) {
        call.body(call.sessions().existing()
                .flatMap(s -> s.get(call.query("k"), String.class))
                .orElse("-"));
    }
}
