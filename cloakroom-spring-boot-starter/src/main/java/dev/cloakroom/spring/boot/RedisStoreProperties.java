package dev.cloakroom.spring.boot;

import java.time.Duration;

/**
 * {@code cloakroom.redis.*}: the Redis store used when {@code cloakroom.store=redis}. Where Redis
 * is comes from Spring Boot's {@code spring.data.redis.*}.
 */
public class RedisStoreProperties {

    /** Key prefix (connect-redis's); must not be empty. */
    private String prefix = "sess:";

    /**
     * How long any session command may take before the request fails with 503. Cloakroom's own,
     * short so that request threads do not pile up during an outage; spring.data.redis.timeout
     * is Spring Data's and is not used.
     */
    private Duration timeout = Duration.ofSeconds(1);

    /** TTL of a session without an expiry of its own (a browser-session cookie). */
    private Duration defaultTtl = Duration.ofDays(1);

    /**
     * {@return {@code cloakroom.redis.prefix}} Key prefix (connect-redis's); must not be empty.
     */
    public String getPrefix() {
        return prefix;
    }

    /**
     * Sets {@code cloakroom.redis.prefix}; see {@link #getPrefix()}.
     *
     * @param prefix the value
     */
    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    /**
     * {@return {@code cloakroom.redis.timeout}} How long any session command may take before the
     * request fails with 503. Cloakroom's own, short so that request threads do not pile up during
     * an outage; spring.data.redis.timeout is Spring Data's and is not used.
     */
    public Duration getTimeout() {
        return timeout;
    }

    /**
     * Sets {@code cloakroom.redis.timeout}; see {@link #getTimeout()}.
     *
     * @param timeout the value
     */
    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * {@return {@code cloakroom.redis.default-ttl}} TTL of a session without an expiry of its own
     * (a browser-session cookie).
     */
    public Duration getDefaultTtl() {
        return defaultTtl;
    }

    /**
     * Sets {@code cloakroom.redis.default-ttl}; see {@link #getDefaultTtl()}.
     *
     * @param defaultTtl the value
     */
    public void setDefaultTtl(Duration defaultTtl) {
        this.defaultTtl = defaultTtl;
    }
}
