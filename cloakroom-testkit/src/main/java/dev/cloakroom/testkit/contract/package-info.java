/**
 * Groups of store tests that {@link dev.cloakroom.testkit.SessionStoreContract} runs as nested
 * classes: conditional writes, touch, compare-and-set races, racing requests through core, and
 * corrupt stored data. Each asks only for the store under test; extend the contract rather than
 * these classes.
 */
package dev.cloakroom.testkit.contract;
