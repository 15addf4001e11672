package dev.cloakroom.testkit;

/** A route body written once and served by every adapter. */
@FunctionalInterface
public interface TestHandler {

    /**
     * Answers one request.
     *
     * @param call the request and its response
     * @throws Exception to let the adapter's framework answer it as an error
     */
    void handle(TestCall call) throws Exception;
}
