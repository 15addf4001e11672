/**
 * The tests every Cloakroom store and adapter must pass, for third-party ones too.
 *
 * <p>A store's test extends {@link dev.cloakroom.testkit.SessionStoreContract} and supplies a fresh
 * store; a store that can list a user's sessions also runs {@link dev.cloakroom.testkit.UserIndexContract}
 * as a nested class. An adapter's test extends {@link dev.cloakroom.testkit.SessionLifecycleSuite} and
 * supplies an {@link dev.cloakroom.testkit.AdapterHarness} that starts a real server serving
 * {@link dev.cloakroom.testkit.TestRoutes}. {@link dev.cloakroom.testkit.InstrumentedStore} counts a real
 * store's calls and can make it fail; {@link dev.cloakroom.testkit.Leaks} checks that no session id
 * reaches an exception or a log line. The groups of tests themselves live in
 * {@code dev.cloakroom.testkit.contract} and {@code dev.cloakroom.testkit.lifecycle}, the HTTP client
 * in {@code dev.cloakroom.testkit.http}.
 */
package dev.cloakroom.testkit;
