/**
 * Cloakroom for Jakarta Servlet 6: {@link dev.cloakroom.servlet.CloakroomFilter} replaces the
 * container's sessions, so {@code request.getSession()}, and all code written against
 * {@code HttpSession} (Spring Security's included), works on Cloakroom's sessions and store.
 *
 * <p>The filter also gives the express-style {@link dev.cloakroom.Session} of a request, commits it
 * before the response is committed, and answers {@code 503} when the store fails. How it does so lives
 * in {@code dev.cloakroom.servlet.internal}.
 */
package dev.cloakroom.servlet;
