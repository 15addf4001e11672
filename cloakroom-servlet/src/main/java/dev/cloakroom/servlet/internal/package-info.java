/**
 * Not API: the implementation behind {@link dev.cloakroom.servlet.CloakroomFilter}, which may change
 * in any release.
 *
 * <p>The request wrapper whose session methods answer from Cloakroom, the {@code HttpSession} view of a
 * Cloakroom session, the response wrapper that commits the session before the first byte of the body,
 * the servlet session listeners, and the translation of store failures into {@code 503} responses.
 * Only the filter uses these types; they are public because the packages differ.
 */
package dev.cloakroom.servlet.internal;
