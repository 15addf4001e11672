package dev.cloakroom.mongodb;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Options for a {@link MongoStore}; {@link #build()} fails fast with an
 * {@link IllegalArgumentException} naming the bad option. Give exactly one of {@link #uri} and
 * {@link #client}.
 */
public final class MongoStoreBuilder {

    /** Used when neither {@link #database} nor the URI's path names one. */
    public static final String DEFAULT_DATABASE = "cloakroom";

    private String uri;
    private MongoClient client;
    private String database;
    private String collection = "sessions";
    private Duration timeout = Duration.ofSeconds(1);
    private boolean timeoutSet;
    private Duration defaultTtl = Duration.ofDays(14);
    private boolean createTtlIndex = true;

    MongoStoreBuilder() {
    }

    /**
     * A MongoDB connection string; the store creates its client from it and closes it on
     * {@link MongoStore#close()}. Its path names the database ({@code mongodb://host/app}); without
     * one the database is {@value #DEFAULT_DATABASE}. (Node's driver, and so connect-mongo,
     * defaults to {@code test}: to share sessions, name the database in both URIs.) The store's
     * {@link #timeout} replaces any timeout options in the URI.
     *
     * @param uri a MongoDB connection string
     * @return this builder
     */
    public MongoStoreBuilder uri(String uri) {
        this.uri = uri;
        return this;
    }

    /**
     * A client the application owns and configures, timeouts included; the store never closes it.
     * {@link #database} then defaults to {@value #DEFAULT_DATABASE}.
     *
     * @param client the application's client
     * @return this builder
     */
    public MongoStoreBuilder client(MongoClient client) {
        this.client = client;
        return this;
    }

    /**
     * The database, overriding the URI's path.
     *
     * @param database the database name
     * @return this builder
     */
    public MongoStoreBuilder database(String database) {
        this.database = database;
        return this;
    }

    /**
     * The collection, {@code sessions} unless set (connect-mongo's default).
     *
     * @param collection the collection name
     * @return this builder
     */
    public MongoStoreBuilder collection(String collection) {
        this.collection = collection;
        return this;
    }

    /**
     * How long a call may wait for an unreachable or silent server before it fails with a
     * {@link dev.cloakroom.SessionStoreException}: used as the server selection, connect, socket
     * read and connection-pool wait timeouts of the client built from {@link #uri}. One second
     * unless set, so requests answer 503 quickly and threads do not pile up during an outage.
     * Not allowed with {@link #client}, whose own settings govern.
     *
     * @param timeout between 1 ms and about 24 days
     * @return this builder
     */
    public MongoStoreBuilder timeout(Duration timeout) {
        this.timeout = timeout;
        this.timeoutSet = true;
        return this;
    }

    /**
     * How long a session without an expiry of its own is kept after its last save or touch; 14 days
     * unless set, as in connect-mongo.
     *
     * @param defaultTtl at least one second
     * @return this builder
     */
    public MongoStoreBuilder defaultTtl(Duration defaultTtl) {
        this.defaultTtl = defaultTtl;
        return this;
    }

    /**
     * Whether the store creates the TTL index {@code {expires: 1}, {expireAfterSeconds: 0}} on
     * first use (true unless set). Turn it off when the index is managed elsewhere.
     *
     * @param createTtlIndex whether to create it
     * @return this builder
     */
    public MongoStoreBuilder createTtlIndex(boolean createTtlIndex) {
        this.createTtlIndex = createTtlIndex;
        return this;
    }

    /**
     * {@return a store on these options}
     *
     * @throws IllegalArgumentException naming the option, for neither or both of {@code uri} and
     *                                  {@code client}, a timeout out of range or given with a client,
     *                                  a default TTL under a second, an invalid connection string, or
     *                                  an invalid database or collection name
     */
    public MongoStore build() {
        if (uri != null && client != null) {
            throw new IllegalArgumentException("uri and client are exclusive: give one");
        }
        if (uri == null && client == null) {
            throw new IllegalArgumentException("uri or client is required");
        }
        if (timeout == null || timeout.isNegative() || timeout.toMillis() < 1 || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("timeout must be between 1 ms and about 24 days, got " + timeout);
        }
        if (client != null && timeoutSet) {
            throw new IllegalArgumentException("timeout applies only to a client built from uri; configure the supplied client's settings instead");
        }
        if (defaultTtl == null || defaultTtl.toSeconds() < 1) {
            throw new IllegalArgumentException("defaultTtl must be at least one second, got " + defaultTtl);
        }
        ConnectionString connection = uri == null ? null : parse(uri);
        String db = database != null ? database
                : connection != null && connection.getDatabase() != null ? connection.getDatabase() : DEFAULT_DATABASE;
        validateNames(db);
        if (client != null) {
            return new MongoStore(client, false, db, collection, defaultTtl, createTtlIndex);
        }
        return new MongoStore(MongoClients.create(settings(connection)), true, db, collection, defaultTtl, createTtlIndex);
    }

    private static ConnectionString parse(String uri) {
        try {
            return new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            // The driver's messages describe the problem without repeating the URI and its password.
            throw new IllegalArgumentException("uri is not a valid MongoDB connection string: " + e.getMessage(), e);
        }
    }

    private void validateNames(String db) {
        try {
            MongoNamespace.checkDatabaseNameValidity(db);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("database is not a valid MongoDB database name: " + e.getMessage(), e);
        }
        if (collection == null || collection.isBlank()) {
            throw new IllegalArgumentException("collection must not be blank");
        }
        // The driver checks only for emptiness; the server refuses these on first use, too late for fail-fast.
        if (collection.contains("$") || collection.contains("\0") || collection.startsWith("system.")) {
            throw new IllegalArgumentException("collection must not contain '$' or NUL or start with 'system.', got " + collection);
        }
        try {
            MongoNamespace.checkCollectionNameValidity(collection);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("collection is not a valid MongoDB collection name: " + e.getMessage(), e);
        }
    }

    private MongoClientSettings settings(ConnectionString connection) {
        long ms = timeout.toMillis();
        return MongoClientSettings.builder()
                .applyConnectionString(connection)
                .applyToClusterSettings(c -> c.serverSelectionTimeout(ms, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(ms, TimeUnit.MILLISECONDS).readTimeout(ms, TimeUnit.MILLISECONDS))
                .applyToConnectionPoolSettings(p -> p.maxWaitTime(ms, TimeUnit.MILLISECONDS))
                .build();
    }
}
