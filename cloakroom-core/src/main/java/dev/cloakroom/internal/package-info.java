/**
 * Not API: the implementation behind {@code dev.cloakroom}, which may change in any release.
 *
 * <p>Cookie signing and parsing, {@code Set-Cookie} writing, the stored document's codec and
 * Cloakroom's sidecar of type hints, session ids and their log fingerprints, and the per-request
 * engine that loads, saves and touches sessions without losing concurrent updates. The module
 * {@code dev.cloakroom.core} exports this package only to {@code dev.cloakroom.mongodb}; the other
 * modules and applications use {@code dev.cloakroom} alone.
 */
package dev.cloakroom.internal;
