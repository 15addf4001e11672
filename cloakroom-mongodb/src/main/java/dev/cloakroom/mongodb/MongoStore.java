package dev.cloakroom.mongodb;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import dev.cloakroom.EnumerableSessionStore;
import dev.cloakroom.SessionStoreException;
import dev.cloakroom.StoredSession;
import dev.cloakroom.TouchedSession;
import dev.cloakroom.UserIndexedSessionStore;
import dev.cloakroom.internal.SessionIds;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Sessions in a MongoDB collection, in connect-mongo 6's format so Node apps can share them:
 * documents {@code {_id: <sid>, session: <express-session JSON as a string>, expires: <Date>}} in
 * the collection {@code sessions}, with a TTL index on {@code expires} ({@code expireAfterSeconds: 0}).
 *
 * <p>MongoDB's TTL monitor runs about once a minute, so reads, counts and compare-and-set writes
 * also require {@code expires > now} (by this JVM's clock, as connect-mongo uses Node's): an expired
 * document is never returned or revived. A session without an expiry of its own (a browser-session
 * cookie) is kept for {@code defaultTtl}, 14 days unless set, as connect-mongo does.
 *
 * <p>A session bound to a user ({@link StoredSession#boundUser()}) also carries a top-level
 * {@code user} field, indexed {@code {user: 1}}, which every write of this store sets from the
 * document it writes, so {@link #sessionsOf} is one indexed query and the entry lives and dies
 * with its document. connect-mongo writes with {@code $set} and never names the field, so a Node
 * app's saves and touches keep it.
 *
 * <p>Every driver failure, including an unreachable server after {@code timeout}, becomes a
 * {@link SessionStoreException} whose message never names a session. Thread-safe.
 * {@link #close()} closes the client only if the store created it.
 */
public final class MongoStore implements EnumerableSessionStore, UserIndexedSessionStore, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MongoStore.class);
    /** The field naming the user a session is bound to. */
    private static final String USER = "user";

    private final MongoClient client;
    private final boolean ownsClient;
    private final MongoCollection<Document> sessions;
    private final Duration defaultTtl;
    /** Set once the TTL index exists, or the server refused it (logged once), or it was not wanted. */
    private final AtomicBoolean indexSettled;
    /** Set once the {@code user} index exists, or the server refused it (logged once). */
    private final AtomicBoolean userIndexSettled = new AtomicBoolean();

    MongoStore(MongoClient client, boolean ownsClient, String database, String collection, Duration defaultTtl,
               boolean createTtlIndex) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.sessions = client.getDatabase(database).getCollection(collection);
        this.defaultTtl = defaultTtl;
        this.indexSettled = new AtomicBoolean(!createTtlIndex);
    }

    /**
     * A store on a new client for {@code mongodbUri}, with every default: database from the URI's
     * path or {@code cloakroom}, collection {@code sessions}, a one-second timeout.
     *
     * @param mongodbUri a MongoDB connection string
     * @return the store, which owns its client
     * @throws IllegalArgumentException when the connection string is invalid
     */
    public static MongoStore connect(String mongodbUri) {
        return builder().uri(mongodbUri).build();
    }

    /** {@return a builder with collection {@code sessions}, a one-second timeout, a 14-day default TTL and the TTL index on} */
    public static MongoStoreBuilder builder() {
        return new MongoStoreBuilder();
    }

    @Override
    public Optional<StoredSession> get(String id) {
        Document doc = call("get", () -> sessions.find(live(Filters.eq("_id", id))).first());
        return doc == null ? Optional.empty() : toStored(id, doc);
    }

    /**
     * One {@code findOneAndUpdate} that moves {@code expires} of a live document lying below the
     * threshold (the new expiry, less {@code touchAfter}) and returns the document as it was. A
     * document it leaves alone (it lives long enough already, or the move is under {@code touchAfter})
     * costs a second operation, the plain read; with {@code touchAfter} off that is only a session
     * already living longer than asked.
     */
    @Override
    public Optional<TouchedSession> getAndTouch(String id, Instant touchTo, Duration touchAfter) {
        Instant to = touchTo != null ? touchTo : Instant.now().plus(defaultTtl);
        Instant threshold = touchAfter.isZero() ? to : to.minus(touchAfter);
        Document before = call("get", () -> sessions.findOneAndUpdate(
                live(Filters.and(Filters.eq("_id", id), Filters.lt("expires", Date.from(threshold)))),
                Updates.set("expires", Date.from(to))));
        if (before != null) {
            return toStored(id, before).map(stored -> new TouchedSession(stored, true));
        }
        Document doc = call("get", () -> sessions.find(live(Filters.eq("_id", id))).first());
        if (doc == null) {
            return Optional.empty();
        }
        boolean longEnough = doc.get("expires") instanceof Date d && !d.toInstant().isBefore(to);
        return toStored(id, doc).map(stored -> new TouchedSession(stored, longEnough));
    }

    @Override
    public void set(String id, StoredSession session) {
        Instant expires = expiry(session);
        call("set", () -> {
            if (isPast(expires)) {
                return sessions.deleteOne(Filters.eq("_id", id));
            }
            return sessions.replaceOne(Filters.eq("_id", id), document(id, session, expires),
                    new ReplaceOptions().upsert(true));
        });
    }

    /**
     * Atomic on the server: one {@code replaceOne} whose filter names the id, the exact session
     * text {@link #get} returned, and a live expiry. A replacement that has already expired
     * deletes the document under the same condition.
     */
    @Override
    public boolean replace(String id, String expectedJson, StoredSession session) {
        Instant expires = expiry(session);
        return call("replace", () -> {
            Bson expected = live(Filters.and(Filters.eq("_id", id), Filters.eq("session", expectedJson)));
            if (isPast(expires)) {
                return sessions.deleteOne(expected).getDeletedCount() == 1;
            }
            return sessions.replaceOne(expected, document(id, session, expires)).getMatchedCount() == 1;
        });
    }

    /** Moves {@code expires} only; the session text stays as stored. A missing or expired session stays gone. */
    @Override
    public void touch(String id, StoredSession session) {
        Instant expires = expiry(session);
        call("touch", () -> {
            Bson current = live(Filters.eq("_id", id));
            if (isPast(expires)) {
                return sessions.deleteOne(current);
            }
            return sessions.updateOne(current, Updates.set("expires", Date.from(expires)));
        });
    }

    @Override
    public void destroy(String id) {
        call("destroy", () -> sessions.deleteOne(Filters.eq("_id", id)));
    }

    /**
     * One query on the {@code user} index among live documents, keeping only those whose session
     * text still names {@code userKey}: a Node app that rewrote the text kept the field as it was.
     */
    @Override
    public Map<String, StoredSession> sessionsOf(String userKey) {
        Objects.requireNonNull(userKey, "userKey");
        return call("sessionsOf", () -> {
            Map<String, StoredSession> live = new LinkedHashMap<>();
            for (Document doc : sessions.find(live(Filters.eq(USER, userKey)))) {
                if (doc.get("_id") instanceof String sid) {
                    toStored(sid, doc).filter(s -> s.boundUser().filter(userKey::equals).isPresent())
                            .ifPresent(s -> live.put(sid, s));
                }
            }
            return live;
        });
    }

    @Override
    public Map<String, StoredSession> all() {
        return call("all", () -> {
            Map<String, StoredSession> live = new LinkedHashMap<>();
            for (Document doc : sessions.find(live(new Document()))) {
                Object id = doc.get("_id");
                if (id instanceof String sid) {
                    toStored(sid, doc).ifPresent(s -> live.put(sid, s));
                }
            }
            return live;
        });
    }

    @Override
    public Set<String> ids() {
        return call("ids", () -> {
            Set<String> ids = new LinkedHashSet<>();
            for (Document doc : sessions.find(live(new Document())).projection(Projections.include("_id"))) {
                if (doc.get("_id") instanceof String sid) {
                    ids.add(sid);
                }
            }
            return ids;
        });
    }

    @Override
    public long length() {
        return call("length", () -> sessions.countDocuments(live(new Document())));
    }

    /** Deletes every document, expired or not; the collection and its TTL index stay. */
    @Override
    public void clear() {
        call("clear", () -> sessions.deleteMany(new Document()));
    }

    /** Closes the client if this store created it from a URI; a client the caller supplied stays open. */
    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    private static Bson live(Bson filter) {
        return Filters.and(filter, Filters.gt("expires", new Date()));
    }

    /** connect-mongo's three fields, and {@code user} when the session is bound; a replacement without it unbinds. */
    private static Document document(String id, StoredSession session, Instant expires) {
        Document doc = new Document("_id", id).append("session", session.json()).append("expires", Date.from(expires));
        session.boundUser().ifPresent(user -> doc.append(USER, user));
        return doc;
    }

    private Instant expiry(StoredSession session) {
        return session.expires() != null ? session.expires() : Instant.now().plus(defaultTtl);
    }

    private static boolean isPast(Instant expires) {
        return !expires.isAfter(Instant.now());
    }

    /**
     * The stored session, or empty (logged by fingerprint) when {@code session} is not a string,
     * as connect-mongo writes with {@code stringify: false}. A document whose cookie has no expiry
     * of its own comes back without one, so a browser-session cookie stays one.
     */
    private static Optional<StoredSession> toStored(String id, Document doc) {
        if (!(doc.get("session") instanceof String json)) {
            LOG.warn("stored session {} has no session string; treating it as missing", SessionIds.fingerprint(id));
            return Optional.empty();
        }
        Date expires = doc.get("expires") instanceof Date d ? d : null;
        boolean ownExpiry = expires != null && !ExpressCookie.hasNoExpiry(json);
        return Optional.of(new StoredSession(json, ownExpiry ? expires.toInstant() : null));
    }

    /** Runs one driver call, first making sure of the TTL index, translating every driver failure. */
    private <T> T call(String operation, Supplier<T> body) {
        try {
            ensureTtlIndex();
            ensureUserIndex();
            return body.get();
        } catch (MongoException | IllegalStateException e) {
            throw StoreFailures.translate(operation, e);
        }
    }

    /**
     * Creates the TTL index on first use rather than at build, so an application can start while
     * MongoDB is down. A server that refuses it (no privilege, an index with other options, a
     * server without TTL support) is logged once and not asked again; a failure to reach the
     * server fails this call and the index is tried again on the next.
     */
    private void ensureTtlIndex() {
        if (indexSettled.get()) {
            return;
        }
        try {
            sessions.createIndex(Indexes.ascending("expires"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        } catch (MongoCommandException e) {
            if (indexSettled.compareAndSet(false, true)) {
                LOG.warn("could not create the TTL index on {}.expires ({} {}); expired sessions are still never "
                        + "returned but are not removed by MongoDB", sessions.getNamespace(), e.getErrorCode(),
                        e.getErrorCodeName());
            }
            return;
        }
        indexSettled.set(true);
    }

    /**
     * Creates {@code {user: 1}} on first use, whatever {@code createTtlIndex} says: nothing else
     * makes it. A server that refuses it is logged once; {@link #sessionsOf} then still answers,
     * by scanning the collection.
     */
    private void ensureUserIndex() {
        if (userIndexSettled.get()) {
            return;
        }
        try {
            sessions.createIndex(Indexes.ascending(USER));
        } catch (MongoCommandException e) {
            if (userIndexSettled.compareAndSet(false, true)) {
                LOG.warn("could not create the index on {}.{} ({} {}); listing a user's sessions scans the collection",
                        sessions.getNamespace(), USER, e.getErrorCode(), e.getErrorCodeName());
            }
            return;
        }
        userIndexSettled.set(true);
    }
}
