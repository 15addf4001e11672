/**
 * The store contract and the adapter lifecycle suite, for a store's or an adapter's tests. Every
 * package is public API. The module is open because JUnit finds and calls the suites'
 * package-private test methods and nested classes by deep reflection. JUnit's API is read by
 * whoever reads this module, since a test that extends a suite is a JUnit test.
 */
open module dev.cloakroom.testkit {
    requires transitive dev.cloakroom.core;
    requires transitive org.junit.jupiter.api;
    requires org.junit.jupiter.params;
    requires org.assertj.core;
    requires java.net.http;
    requires org.slf4j;

    exports dev.cloakroom.testkit;
    exports dev.cloakroom.testkit.contract;
    exports dev.cloakroom.testkit.http;
    exports dev.cloakroom.testkit.lifecycle;
}
