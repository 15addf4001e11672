package dev.cloakroom.redis;

import dev.cloakroom.EnumerableSessionStore;
import dev.cloakroom.SessionStoreException;
import dev.cloakroom.StoredSession;
import dev.cloakroom.TouchedSession;
import dev.cloakroom.UserIndexedSessionStore;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.RedisClusterClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Sessions in Redis (standalone, Sentinel or Cluster) through Lettuce, in connect-redis 9's format
 * so Node apps can share the store: key {@code <prefix><id>} (prefix {@code sess:}), value the
 * express-session JSON text, TTL {@code ceil((expires - now) / 1000)} seconds or the default TTL
 * (one day) for a session without expiry; a TTL of zero or less deletes the key.
 *
 * <p>Every operation touches a single key (except the SCAN-based listing), so everything,
 * regenerate included, works on a Cluster. {@link #replace} is an atomic Lua compare-and-set.
 * {@link #get} returns the stored document with no separate expiry: the document's own
 * {@code cookie.expires} is the session's, as with connect-redis.
 *
 * <p>Failures: every command gives up after {@code timeout} (1 s by default) with a
 * {@link SessionStoreException} whose message never names the key or id. While the server is
 * unreachable, commands are rejected at once; Lettuce reconnects in the background and the next
 * call after the server returns succeeds. Thread-safe; one multiplexed connection.
 *
 * <p>User index ({@link UserIndexedSessionStore}): per user a sorted set under a prefix of its own
 * ({@code sessidx:} by default, never matched by the session SCAN), named by a SHA-256 of the user
 * key, holding the user's session ids scored by when each may be forgotten; every write and read
 * prunes it by score and sets its TTL to its highest score, so it stays bounded with no reader and no
 * keyspace notifications. A bound session costs one more single-key script on set, replace, touch
 * (pipelined beside the EXPIRE) and destroy (which becomes GETDEL, Redis 6.2), but not on most reads:
 * entries are written with headroom that a touching read moves the session within (see
 * {@link RedisUserIndex}). Every step touches one key, so it works on a Cluster.
 */
public final class RedisStore implements EnumerableSessionStore, UserIndexedSessionStore, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisStore.class);
    private static final int SCAN_BATCH = 500;

    private final RedisConnector connector;
    private final String prefix;
    private final String pattern;
    private final Duration timeout;
    private final long defaultTtlSeconds;
    private final Clock clock = Clock.systemUTC();
    private final RedisUserIndex users;
    private final ReentrantLock opening = new ReentrantLock();
    private volatile RedisLink link;
    private volatile boolean closed;

    private RedisStore(RedisConnector connector, RedisStoreBuilder b) {
        this.connector = connector;
        this.prefix = b.prefix;
        this.pattern = GlobPattern.startingWith(prefix);
        this.timeout = b.timeout;
        this.defaultTtlSeconds = ceilSeconds(b.defaultTtl);
        this.users = new RedisUserIndex(b.indexPrefix, prefix, b.indexSlack, timeout, clock);
    }

    /**
     * A store on its own client for {@code uri}: {@code redis://host:port[/db]}, {@code rediss://...},
     * {@code redis-sentinel://host:port[,host:port]/db#masterName} or
     * {@code redis-cluster://host:port[,host:port]}, with the default prefix, timeout and TTL.
     *
     * @param uri where Redis is
     * @return the store; if Redis cannot be reached yet, a WARN says so and it connects on first use
     * @throws IllegalArgumentException when {@code uri} is blank or malformed
     */
    public static RedisStore connect(String uri) {
        return builder().uri(uri).build();
    }

    /** {@return a builder with the default prefix {@code sess:}, a 1 s timeout and a one-day default TTL} */
    public static RedisStoreBuilder builder() {
        return new RedisStoreBuilder();
    }

    static RedisStore create(RedisStoreBuilder b) {
        RedisConnector connector;
        if (b.clusterClient != null) {
            connector = RedisConnector.forCluster(b.clusterClient, b.timeout);
        } else if (b.client != null) {
            connector = RedisConnector.forClient(b.client, b.uri, b.timeout);
        } else {
            connector = RedisConnector.forUri(b.uri, b.timeout);
        }
        RedisStore store = new RedisStore(connector, b);
        store.connectEarly();
        return store;
    }

    /**
     * Connects now so a wrong address shows up at startup, but does not fail: an app may start
     * before its Redis, and the store connects on first use instead.
     */
    private void connectEarly() {
        try {
            link();
        } catch (CredentialsRefused e) {
            LOG.warn("{}; the store will try again on first use", e.getMessage());
        } catch (SessionStoreException e) {
            LOG.warn("Redis is not reachable yet ({}); the store will connect on first use", e.getMessage());
        }
    }

    /** The document with its live expiry, read from its TTL in the same script, so touches count. */
    @Override
    public Optional<StoredSession> get(String id) {
        ReadScript.Read read = call("EVALSHA", l -> ReadScript.run(l, key(id)));
        return read == null ? Optional.empty() : Optional.of(stored(read));
    }

    /**
     * One script: the document, its expiry before the read, and the TTL moved to {@code touchTo}
     * (see {@link ReadScript}). A session bound to a user is moved only within what its index entry
     * covers, as this process last wrote it; otherwise it is left for core's touch at the end of the
     * request, which raises the entry first.
     */
    @Override
    public Optional<TouchedSession> getAndTouch(String id, Instant touchTo, Duration touchAfter) {
        long ttl = ttlSeconds(touchTo);
        if (ttl <= 0) {
            return get(id).map(TouchedSession::untouched);
        }
        ReadScript.Read read = call("EVALSHA", l -> ReadScript.runTouching(l, key(id), ttl, touchAfter.toMillis(),
                users.covers(id)));
        return read == null ? Optional.empty() : Optional.of(new TouchedSession(stored(read), read.touched()));
    }

    private StoredSession stored(ReadScript.Read read) {
        Instant expires = read.remainingMillis() >= 0 ? clock.instant().plusMillis(read.remainingMillis()) : null;
        return new StoredSession(read.json(), expires);
    }

    /** A bound session is indexed first, then written, so a failure between leaves only a harmless entry. */
    @Override
    public void set(String id, StoredSession session) {
        long ttl = ttlSeconds(session.expires());
        String key = key(id);
        if (ttl <= 0) {
            call("DEL", l -> l.keys.del(key));
        } else {
            Optional<String> user = session.boundUser();
            user.ifPresent(u -> call("EVALSHA", l -> {
                users.add(l, u, id, ttl);
                return null;
            }));
            call("SET", l -> l.strings.set(key, session.json(), SetArgs.Builder.ex(ttl)));
        }
    }

    /**
     * As {@link #set}: the index entry of a bound session is written before the compare-and-set,
     * unless the session stays bound to the same user and the entry this process wrote still covers
     * the new TTL, as with a touching read.
     */
    @Override
    public boolean replace(String id, String expectedJson, StoredSession session) {
        long ttl = ttlSeconds(session.expires());
        Optional<String> user = ttl > 0 ? session.boundUser() : Optional.empty();
        boolean covered = users.covers(id) >= ttl * 1000 && user.equals(new StoredSession(expectedJson, null).boundUser());
        user.filter(u -> !covered).ifPresent(u -> call("EVALSHA", l -> {
            users.add(l, u, id, ttl);
            return null;
        }));
        return call("EVALSHA", l -> CompareAndSetScript.run(l, key(id), expectedJson, session.json(), ttl));
    }

    /**
     * Moves the TTL only (EXPIRE); the stored text stays as it is and a missing key stays missing.
     * A bound session's index entry is moved with it, in the same pipeline.
     */
    @Override
    public void touch(String id, StoredSession session) {
        long ttl = ttlSeconds(session.expires());
        String key = key(id);
        if (ttl <= 0) {
            call("DEL", l -> l.keys.del(key));
            return;
        }
        Optional<String> user = session.boundUser();
        if (user.isPresent()) {
            call("EVALSHA", l -> {
                users.touch(l, user.get(), key, id, ttl);
                return null;
            });
        } else {
            call("EXPIRE", l -> l.keys.expire(key, ttl));
        }
    }

    /** GETDEL, then, for a bound session, its index entry: the session goes first, so no live session loses its entry. */
    @Override
    public void destroy(String id) {
        String json = call("GETDEL", l -> l.strings.getdel(key(id)));
        Optional<String> user = json == null ? Optional.empty() : new StoredSession(json, null).boundUser();
        user.ifPresent(u -> call("EVALSHA", l -> {
            users.remove(l, u, id);
            return null;
        }));
    }

    /**
     * Prunes the index by score, reads every member's session in one pipeline, and drops the entries
     * whose document names another user; an entry whose session is missing waits for its score.
     */
    @Override
    public Map<String, StoredSession> sessionsOf(String userKey) {
        if (userKey.isEmpty()) {
            return Map.of();
        }
        return call("EVALSHA", l -> users.sessionsOf(l, userKey));
    }

    /** {@return the index key of {@code user}} For tests. */
    String indexKey(String user) {
        return users.key(user);
    }

    /** SCAN over every key with the prefix (every master on a Cluster), then MGET in batches. */
    @Override
    public Map<String, StoredSession> all() {
        Map<String, StoredSession> sessions = new LinkedHashMap<>();
        scanInBatches("SCAN", (l, keys) -> {
            for (KeyValue<String, String> kv : l.strings.mget(keys.toArray(String[]::new))) {
                if (kv.hasValue()) {
                    sessions.put(kv.getKey().substring(prefix.length()), new StoredSession(kv.getValue(), null));
                }
            }
        });
        return sessions;
    }

    @Override
    public Set<String> ids() {
        Set<String> ids = new LinkedHashSet<>();
        scanInBatches("SCAN", (l, keys) -> keys.forEach(k -> ids.add(k.substring(prefix.length()))));
        return ids;
    }

    @Override
    public long length() {
        long[] count = {0};
        scanInBatches("SCAN", (l, keys) -> count[0] += keys.size());
        return count[0];
    }

    /** Deletes every key with the prefix, found with SCAN; other keys in the database are left alone. */
    @Override
    public void clear() {
        scanInBatches("SCAN", (l, keys) -> l.keys.del(keys.toArray(String[]::new)));
    }

    /** Closes the connection, and shuts the client down if the store created it. Idempotent. */
    @Override
    public void close() {
        opening.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (link != null) {
                link.close();
                link = null;
            }
        } finally {
            opening.unlock();
        }
        connector.shutdown();
    }

    String key(String id) {
        return prefix + id;
    }

    /** connect-redis's TTL: whole seconds rounded up, the default for no expiry, capped at what Redis accepts. */
    long ttlSeconds(Instant expires) {
        if (expires == null) {
            return defaultTtlSeconds;
        }
        return Math.min(ceilSeconds(Duration.between(clock.instant(), expires)), Integer.MAX_VALUE);
    }

    private static long ceilSeconds(Duration d) {
        return d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    }

    private interface BatchAction {
        void accept(RedisLink link, List<String> keys);
    }

    private void scanInBatches(String op, BatchAction action) {
        call(op, l -> {
            ScanIterator<String> it = ScanIterator.scan(l.keys, ScanArgs.Builder.matches(pattern).limit(SCAN_BATCH));
            List<String> batch = new ArrayList<>(SCAN_BATCH);
            while (it.hasNext()) {
                String k = it.next();
                if (k.startsWith(prefix)) {
                    batch.add(k);
                }
                if (batch.size() == SCAN_BATCH) {
                    action.accept(l, batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                action.accept(l, batch);
            }
            return null;
        });
    }

    private <T> T call(String op, Function<RedisLink, T> command) {
        RedisLink l = link();
        try {
            return command.apply(l);
        } catch (RuntimeException e) {
            throw failure("Redis " + op + " failed", e);
        }
    }

    private RedisLink link() {
        RedisLink l = link;
        if (l != null) {
            return l;
        }
        boolean locked;
        try {
            locked = opening.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionStoreException("interrupted while connecting to Redis", e);
        }
        if (!locked) {
            throw new SessionStoreException("Redis connection not established within " + timeout);
        }
        try {
            if (closed) {
                throw new SessionStoreException("the RedisStore is closed");
            }
            if (link == null) {
                link = openOnce();
            }
            return link;
        } catch (SessionStoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failure("cannot connect to Redis", e);
        } finally {
            opening.unlock();
        }
    }

    /**
     * Opens the connection, trying once more when Lettuce saw it close in the middle of its
     * handshake: that is how a refused password sometimes surfaces instead of Redis's own
     * {@code WRONGPASS} reply, which the second attempt then reports. A server that is down
     * refuses the connection instead, so an outage still fails at once.
     */
    private RedisLink openOnce() {
        try {
            return connector.open();
        } catch (RedisConnectionException e) {
            if (!closedDuringHandshake(e)) {
                throw e;
            }
            return connector.open();
        }
    }

    private static boolean closedDuringHandshake(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Connection closed prematurely")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Lettuce's own client-side failures (timeouts, connection state) keep their message and
     * cause. Anything else keeps only its class name: a server reply's text can quote a command's
     * arguments ({@code ERR unknown command 'SET', with args beginning with: 'sess:<id>'}), and so
     * can the exception carrying it, so that exception is not kept as the cause either.
     */
    private static SessionStoreException failure(String what, RuntimeException e) {
        if (e instanceof SessionStoreException sse) {
            return sse;
        }
        String refusal = credentialsRefusal(e);
        if (refusal != null) {
            return new CredentialsRefused(what + ": " + refusal);
        }
        boolean clientSide = e instanceof RedisCommandTimeoutException || e instanceof RedisConnectionException
                || e.getClass() == RedisException.class;
        String detail = e.getClass().getSimpleName() + (clientSide && e.getMessage() != null ? ": " + e.getMessage() : "");
        return clientSide ? new SessionStoreException(what + " (" + detail + ")", e)
                : new SessionStoreException(what + " (" + detail + ")");
    }

    /**
     * What Redis answered when it refused the connection's credentials, in words, or null. Redis
     * says {@code WRONGPASS} for a wrong password (or user) and {@code NOAUTH} when a password is
     * required and none was given; Lettuce reports either as the cause of a connection failure or
     * as the failed command's error. Only the reply's first word is used: it is all the operator
     * needs, and no reply text (nor the URI, which holds the password) is repeated.
     */
    static String credentialsRefusal(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 8; t = t.getCause(), depth++) {
            String message = t.getMessage();
            if (message == null) {
                continue;
            }
            if (repliedWith(message, "WRONGPASS")) {
                return "Redis answered WRONGPASS (the password, or the user and password, was refused);"
                        + " check the password in the Redis URI (redis://[user]:password@host:port)";
            }
            if (repliedWith(message, "NOAUTH")) {
                return "Redis answered NOAUTH (it requires a password and none was given);"
                        + " check the password in the Redis URI (redis://[user]:password@host:port)";
            }
        }
        return null;
    }

    /** The reply starts the message, or follows the class name of a wrapped exception ("...Exception: WRONGPASS ..."). */
    private static boolean repliedWith(String message, String error) {
        return message.startsWith(error + " ") || message.equals(error) || message.contains("Exception: " + error + " ");
    }

    /** Redis refused the credentials: a configuration error, not an outage, and said so. */
    static final class CredentialsRefused extends SessionStoreException {
        CredentialsRefused(String message) {
            super(message);
        }
    }
}
