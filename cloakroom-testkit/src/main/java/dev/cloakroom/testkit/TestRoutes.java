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

    /** {@return routes that answer every path with 404 until told otherwise} */
    public static TestRoutes create() {
        return new TestRoutes();
    }

    /**
     * Serves {@code path} with {@code handler}, for every method.
     *
     * @param path    the exact request path
     * @param handler what answers it
     * @return these routes
     */
    public TestRoutes on(String path, TestHandler handler) {
        exact.put(path, handler);
        return this;
    }

    /**
     * The handler for every path without an exact route.
     *
     * @param handler what answers those paths
     * @return these routes
     */
    public TestRoutes otherwise(TestHandler handler) {
        this.fallback = handler;
        return this;
    }

    /**
     * {@return the handler serving {@code path}}
     *
     * @param path the request path
     */
    public TestHandler handlerFor(String path) {
        return exact.getOrDefault(path, fallback);
    }
}
