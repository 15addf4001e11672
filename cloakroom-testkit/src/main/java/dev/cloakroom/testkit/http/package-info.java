/**
 * What the lifecycle tests speak HTTP with: a client that keeps no cookies and follows no
 * redirects, its responses, {@code Set-Cookie} headers taken apart attribute by attribute, and
 * cookie signing written apart from core, so tests can forge cookies a server never issued.
 */
package dev.cloakroom.testkit.http;
