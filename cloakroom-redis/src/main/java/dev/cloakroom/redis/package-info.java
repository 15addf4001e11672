/**
 * {@link dev.cloakroom.redis.RedisStore}, Cloakroom's store on Redis through Lettuce: standalone,
 * Sentinel or Cluster, configured by {@link dev.cloakroom.redis.RedisStoreBuilder}.
 *
 * <p>Sessions are kept as connect-redis keeps them (a string key {@code sess:<id>} holding
 * express-session's JSON, with the session's TTL), so an Express app can share them. Saves are a
 * compare-and-set in a Lua script. The connection handling is package-private.
 */
package dev.cloakroom.redis;
