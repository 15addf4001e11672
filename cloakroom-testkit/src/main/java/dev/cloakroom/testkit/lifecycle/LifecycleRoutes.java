package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.Session;
import dev.cloakroom.SessionGoneException;
import dev.cloakroom.testkit.TestCall;
import dev.cloakroom.testkit.TestRoutes;

/**
 * The application most lifecycle tests talk to, written once for every adapter. Query parameters
 * {@code k} and {@code v} name an attribute and its value.
 * <ul>
 *   <li>{@code /none}: never asks for the session;</li>
 *   <li>{@code /view}: asks for the session without changing it; body {@code new} or {@code loaded};</li>
 *   <li>{@code /set?k=&v=}: sets an attribute; {@code /get?k=}: the attribute or {@code -};</li>
 *   <li>{@code /count}: increments attribute {@code n} and answers it;</li>
 *   <li>{@code /regenerate}, {@code /destroy}, {@code /unset}, {@code /touch}: those session calls;</li>
 *   <li>{@code /save?k=&v=}: sets an attribute and saves at once; {@code /reload?k=}: reloads, then as /get.</li>
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

    private static void get(TestCall call) {
        call.body(call.sessions().existing()
                .flatMap(s -> s.get(call.query("k"), String.class))
                .orElse("-"));
    }
}
