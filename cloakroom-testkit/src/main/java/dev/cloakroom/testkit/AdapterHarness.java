package dev.cloakroom.testkit;

import dev.cloakroom.SessionOptions;

/**
 * How the lifecycle suite reaches an adapter: start a real HTTP server on a free loopback port,
 * with session handling configured by {@code options}, serving {@code routes}.
 *
 * <p>The two optional abilities throw {@link UnsupportedOperationException} unless the harness
 * implements them; the suite then skips the test that needs it, and CI's skip audit names it.
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

    /**
     * As {@link #start}, with the application mounted at {@code mountPath} (a servlet context
     * path, Javalin's context path, a JDK {@code HttpContext}): the server serves only paths under
     * it, and handlers and the session layer see the full request path, mount included.
     *
     * @param mountPath starts with {@code /} and does not end with one, for example {@code /foo}
     * @param options   the session handling the adapter is configured with
     * @param routes    what the server answers, at paths under the mount
     * @return the started server
     * @throws UnsupportedOperationException when the framework has no such concept
     * @throws Exception when the server cannot start; the test fails
     */
    default RunningServer startMountedAt(String mountPath, SessionOptions options, TestRoutes routes) throws Exception {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot mount an application at a path");
    }

    /**
     * As {@link #start}, with the session layer registered twice, as an application that adds it
     * in two places would: first configured by {@code first}, then again, further down the same
     * request's chain, configured by {@code second}. Handlers reach the session as usual.
     *
     * @param first  the options of the outer registration
     * @param second the options of the inner registration
     * @param routes what the server answers
     * @return the started server
     * @throws UnsupportedOperationException when the framework refuses a second registration
     * @throws Exception when the server cannot start; the test fails
     */
    default RunningServer startRegisteredTwice(SessionOptions first, SessionOptions second, TestRoutes routes)
            throws Exception {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot register the session layer twice");
    }
}
