/**
 * Groups of HTTP lifecycle tests that {@link dev.cloakroom.testkit.SessionLifecycleSuite} runs as
 * nested classes, one per condition of express-session's own tests (a bad signature, an expired
 * session, rolling, resave, unset, store failures and the rest), on
 * {@link dev.cloakroom.testkit.lifecycle.LifecycleTestBase} and the application in
 * {@link dev.cloakroom.testkit.lifecycle.LifecycleRoutes}. Extend the suite rather than these classes.
 */
package dev.cloakroom.testkit.lifecycle;
