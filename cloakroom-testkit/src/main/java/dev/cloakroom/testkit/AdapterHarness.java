package dev.cloakroom.testkit;

import dev.cloakroom.SessionOptions;

/**
 * How the lifecycle suite reaches an adapter: start a real HTTP server on a free loopback port,
 * with session handling configured by {@code options}, serving {@code routes}.
 */
public interface AdapterHarness {

    RunningServer start(SessionOptions options, TestRoutes routes) throws Exception;
}
