package dev.cloakroom.testkit;

import java.net.URI;

/** A server started by an {@link AdapterHarness}; closing it stops the server. */
public interface RunningServer extends AutoCloseable {

    /** {@return where the server listens, such as {@code http://127.0.0.1:41234}, without a trailing slash} */
    URI baseUri();

    @Override
    void close();

    /** How a harness stops its server; a failure to stop fails the test that closes it. */
    @FunctionalInterface
    interface Stopper {
        /**
         * Stops the server.
         *
         * @throws Exception when it cannot be stopped
         */
        void stop() throws Exception;
    }

    /**
     * {@return a server listening on {@code 127.0.0.1:port}, stopped by {@code stopper}}
     *
     * @param port    the port it listens on
     * @param stopper how to stop it
     */
    static RunningServer onLoopback(int port, Stopper stopper) {
        URI base = URI.create("http://127.0.0.1:" + port);
        return new RunningServer() {
            @Override
            public URI baseUri() {
                return base;
            }

            @Override
            public void close() {
                try {
                    stopper.stop();
                } catch (Exception e) {
                    throw new IllegalStateException("the test server did not stop", e);
                }
            }
        };
    }
}
