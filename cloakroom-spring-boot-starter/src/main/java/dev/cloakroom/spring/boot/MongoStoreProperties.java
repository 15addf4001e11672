package dev.cloakroom.spring.boot;

import java.time.Duration;

/**
 * {@code cloakroom.mongodb.*}: the MongoDB store used when {@code cloakroom.store=mongodb}, on the
 * application's {@code MongoClient} (Spring Boot's, configured by {@code spring.mongodb.*}).
 */
public class MongoStoreProperties {

    /** Database of the session collection; unset takes spring.mongodb.database (or the URI's), then "cloakroom". */
    private String database;

    /** Collection holding the sessions (connect-mongo's default). */
    private String collection = "sessions";

    /** How long a session without an expiry of its own is kept after its last save or touch. */
    private Duration defaultTtl = Duration.ofDays(14);

    /** Create the TTL index on the expiry field on first use. */
    private boolean createTtlIndex = true;

    public String getDatabase() {
        return database;
    }

    public void setDatabase(String database) {
        this.database = database;
    }

    public String getCollection() {
        return collection;
    }

    public void setCollection(String collection) {
        this.collection = collection;
    }

    public Duration getDefaultTtl() {
        return defaultTtl;
    }

    public void setDefaultTtl(Duration defaultTtl) {
        this.defaultTtl = defaultTtl;
    }

    public boolean isCreateTtlIndex() {
        return createTtlIndex;
    }

    public void setCreateTtlIndex(boolean createTtlIndex) {
        this.createTtlIndex = createTtlIndex;
    }
}
