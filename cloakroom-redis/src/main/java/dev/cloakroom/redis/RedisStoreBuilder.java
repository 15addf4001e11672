package dev.cloakroom.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.RedisClusterClient;

import java.time.Duration;

/**
 * Options for a {@link RedisStore}. Give exactly one of {@link #uri}, {@link #client} (optionally
 * with a {@link #uri} for it to connect to) or {@link #clusterClient}. {@link #build()} fails with
 * an {@link IllegalArgumentException} naming the option when a value is invalid.
 */
public final class RedisStoreBuilder {

    String uri;
    RedisClient client;
    RedisClusterClient clusterClient;
    String prefix = "sess:";
    Duration timeout = Duration.ofSeconds(1);
    Duration defaultTtl = Duration.ofDays(1);
    String indexPrefix = "sessidx:";
    Duration indexSlack = Duration.ofSeconds(30);

    RedisStoreBuilder() {
    }

    /**
     * {@code redis://[password@]host:port[/db]}, {@code rediss://...} (TLS),
     * {@code redis-sentinel://host:port[,host:port]/db#masterName} or
     * {@code redis-cluster://host:port[,host:port]}. The store then owns its client and shuts it
     * down on {@link RedisStore#close()}.
     *
     * @param uri where Redis is
     * @return this builder
     */
    public RedisStoreBuilder uri(String uri) {
        this.uri = uri;
        return this;
    }

    /**
     * A standalone or Sentinel client the application owns and configured itself (its options,
     * including reconnect and disconnected behaviour, are left as they are). {@link RedisStore#close()}
     * closes only the store's connection, never this client.
     *
     * @param client the application's client
     * @return this builder
     */
    public RedisStoreBuilder client(RedisClient client) {
        this.client = client;
        return this;
    }

    /**
     * A Cluster client the application owns; as with {@link #client}, never shut down by the store.
     *
     * @param clusterClient the application's Cluster client
     * @return this builder
     */
    public RedisStoreBuilder clusterClient(RedisClusterClient clusterClient) {
        this.clusterClient = clusterClient;
        return this;
    }

    /**
     * Key prefix, {@code sess:} by default (connect-redis's); must not be empty, or {@code clear()} would
     * empty the database.
     *
     * @param prefix the prefix of every session key
     * @return this builder
     */
    public RedisStoreBuilder prefix(String prefix) {
        this.prefix = prefix;
        return this;
    }

    /**
     * How long any command may take before it fails with a {@code SessionStoreException}; 1 s by default.
     *
     * @param timeout at least 1 ms
     * @return this builder
     */
    public RedisStoreBuilder timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /**
     * TTL of a session without expiry (a browser-session cookie); one day by default, as connect-redis.
     *
     * @param defaultTtl at least 1 s
     * @return this builder
     */
    public RedisStoreBuilder defaultTtl(Duration defaultTtl) {
        this.defaultTtl = defaultTtl;
        return this;
    }

    /**
     * Key prefix of the user index's keys, {@code sessidx:} by default. Neither it nor
     * {@link #prefix} may start with the other, so the session SCAN (of Cloakroom and connect-redis)
     * never counts an index key as a session.
     *
     * @param indexPrefix the prefix of every user index key
     * @return this builder
     */
    public RedisStoreBuilder indexPrefix(String indexPrefix) {
        this.indexPrefix = indexPrefix;
        return this;
    }

    /**
     * How long an index entry outlives its session's TTL as written: it covers the gap until the
     * session write lands and clock differences between Cluster masters. 30 s; tests shorten it.
     */
    RedisStoreBuilder indexSlack(Duration indexSlack) {
        this.indexSlack = indexSlack;
        return this;
    }

    /**
     * {@return a store on these options} It connects at once; if Redis cannot be reached yet, a WARN
     * says so and the store connects on first use.
     *
     * @throws IllegalArgumentException naming the option, for a missing or doubled connection source,
     *                                  an empty prefix, an empty index prefix or one that starts with
     *                                  the prefix or the other way round, a timeout under 1 ms, a default
     *                                  TTL under 1 s or a malformed URI
     */
    public RedisStore build() {
        int sources = (client != null ? 1 : 0) + (clusterClient != null ? 1 : 0);
        if (sources == 2) {
            throw new IllegalArgumentException("client and clusterClient: give only one");
        }
        if (clusterClient != null && uri != null) {
            throw new IllegalArgumentException("uri: a clusterClient already knows its nodes; give no uri with it");
        }
        if (sources == 0 && (uri == null || uri.isBlank())) {
            throw new IllegalArgumentException("uri must be set (or client / clusterClient)");
        }
        if (prefix == null || prefix.isEmpty()) {
            throw new IllegalArgumentException("prefix must not be empty: clear() deletes every key that starts with it");
        }
        if (indexPrefix == null || indexPrefix.isEmpty()) {
            throw new IllegalArgumentException("indexPrefix must not be empty");
        }
        if (indexPrefix.startsWith(prefix) || prefix.startsWith(indexPrefix)) {
            throw new IllegalArgumentException("indexPrefix '" + indexPrefix + "' and prefix '" + prefix + "': neither may start"
                    + " with the other, or the session SCAN would count user index keys as sessions");
        }
        if (indexSlack == null || indexSlack.isNegative()) {
            throw new IllegalArgumentException("indexSlack must not be negative");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.toMillis() == 0) {
            throw new IllegalArgumentException("timeout must be at least 1 ms, was " + timeout);
        }
        if (defaultTtl == null || defaultTtl.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("defaultTtl must be at least 1 s, was " + defaultTtl);
        }
        if (uri != null && uri.isBlank()) {
            throw new IllegalArgumentException("uri must not be blank");
        }
        if (uri != null) {
            UriPorts.check(uri);
        }
        return RedisStore.create(this);
    }
}
