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

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public Duration getDefaultTtl() {
        return defaultTtl;
    }

    public void setDefaultTtl(Duration defaultTtl) {
        this.defaultTtl = defaultTtl;
    }
}
