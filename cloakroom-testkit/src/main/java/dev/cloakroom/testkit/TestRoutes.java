package dev.cloakroom.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Routes for a lifecycle test: exact paths, plus a fallback for every other path (GET and POST
 * alike). Adapters route every method to the same handler; handlers that care look at the path.
 */
public final class TestRoutes {

    private final Map<String, TestHandler> exact = new LinkedHashMap<>();
    private TestHandler fallback = call -> {
        call.status(404);
        call.body("not found");
    };

    public static TestRoutes create() {
        return new TestRoutes();
    }

    public TestRoutes on(String path, TestHandler handler) {
        exact.put(path, handler);
        return this;
    }

    /** The handler for every path without an exact route. */
    public TestRoutes otherwise(TestHandler handler) {
        this.fallback = handler;
        return this;
    }

    /** The handler serving {@code path}. */
    public TestHandler handlerFor(String path) {
        return exact.getOrDefault(path, fallback);
    }
}
