package dev.cloakroom.testkit;

import dev.cloakroom.SessionOptions;

/**
 * How the lifecycle suite reaches an adapter: start a real HTTP server on a free loopback port,
 * with session handling configured by {@code options}, serving {@code routes}.
 */
public interface AdapterHarness {

    /**
     * {@return the started server, listening on a free loopback port}
     *
     * @param options the session handling the adapter is configured with
     * @param routes  what the server answers
     * @throws Exception when the server cannot start; the test fails
     */
    RunningServer start(SessionOptions options, TestRoutes routes) throws Exception;
}
