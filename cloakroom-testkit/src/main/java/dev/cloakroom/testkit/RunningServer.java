package dev.cloakroom.testkit;

import java.net.URI;

/** A server started by an {@link AdapterHarness}; closing it stops the server. */
public interface RunningServer extends AutoCloseable {

    /** For example {@code http://127.0.0.1:41234}, without a trailing slash. */
    URI baseUri();

    @Override
    void close();
}
