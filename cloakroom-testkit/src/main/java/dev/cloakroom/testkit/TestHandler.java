package dev.cloakroom.testkit;

/** A route body written once and served by every adapter. */
@FunctionalInterface
public interface TestHandler {

    void handle(TestCall call) throws Exception;
}
