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

    /**
     * {@return {@code cloakroom.mongodb.database}} Database of the session collection; unset takes
     * spring.mongodb.database (or the URI's), then "cloakroom".
     */
    public String getDatabase() {
        return database;
    }

    /**
     * Sets {@code cloakroom.mongodb.database}; see {@link #getDatabase()}.
     *
     * @param database the value
     */
    public void setDatabase(String database) {
        this.database = database;
    }

    /**
     * {@return {@code cloakroom.mongodb.collection}} Collection holding the sessions
     * (connect-mongo's default).
     */
    public String getCollection() {
        return collection;
    }

    /**
     * Sets {@code cloakroom.mongodb.collection}; see {@link #getCollection()}.
     *
     * @param collection the value
     */
    public void setCollection(String collection) {
        this.collection = collection;
    }

    /**
     * {@return {@code cloakroom.mongodb.default-ttl}} How long a session without an expiry of its
     * own is kept after its last save or touch.
     */
    public Duration getDefaultTtl() {
        return defaultTtl;
    }

    /**
     * Sets {@code cloakroom.mongodb.default-ttl}; see {@link #getDefaultTtl()}.
     *
     * @param defaultTtl the value
     */
    public void setDefaultTtl(Duration defaultTtl) {
        this.defaultTtl = defaultTtl;
    }

    /**
     * {@return {@code cloakroom.mongodb.create-ttl-index}} Create the TTL index on the expiry field
     * on first use.
     */
    public boolean isCreateTtlIndex() {
        return createTtlIndex;
    }

    /**
     * Sets {@code cloakroom.mongodb.create-ttl-index}; see {@link #isCreateTtlIndex()}.
     *
     * @param createTtlIndex the value
     */
    public void setCreateTtlIndex(boolean createTtlIndex) {
        this.createTtlIndex = createTtlIndex;
    }
}
