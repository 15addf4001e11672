/**
 * {@link dev.cloakroom.mongodb.MongoStore}, Cloakroom's store on the MongoDB sync driver, configured by
 * {@link dev.cloakroom.mongodb.MongoStoreBuilder}.
 *
 * <p>Documents have connect-mongo's shape ({@code _id}, the session JSON as a string, {@code expires}
 * with a TTL index), so an Express app can share them; saves are an atomic compare-and-set. The only
 * module that uses {@code dev.cloakroom.internal}, which core exports to it alone.
 */
package dev.cloakroom.mongodb;
