package dev.cloakroom.redis;

import dev.cloakroom.StoredSession;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@link RedisStore}'s user index: per user a sorted set {@code <indexPrefix><sha256(user) in hex>}
 * of session ids (see {@link UserIndexScript}). The session keys and the index key lie in different
 * slots, so no step covers both; the order of the steps makes the only torn state an entry without
 * a session, which every read prunes: the index is written before a bound session, and a destroyed
 * session is deleted before its entry. A session bound to another user, or to none, is dropped from
 * the old user's index when that index is next read.
 *
 * <p>Headroom for reads: an entry is written to outlive its session's TTL by half that TTL (plus
 * the slack), and the store remembers, per id it indexed, until when the entry covers the session
 * ({@link #covers}). A read that moves the session's TTL ({@link ReadScript}) may then do so alone,
 * with no command on the index, as long as the new expiry stays within that cover: about half of
 * the TTL's worth of reads. Past it, or for an id this process has not indexed (another instance
 * wrote it, or the memory below was full), the read leaves the TTL alone and the end of the request
 * touches index and session together, index first. So an entry outlives its session by at most half
 * a TTL plus the slack, and no read ever moves a bound session past its entry.
 */
final class RedisUserIndex {

    /** How many ids' covers are remembered; past that the memory is emptied and refills as ids are indexed again. */
    private static final int REMEMBERED_COVERS = 100_000;

    private final String indexPrefix;
    private final String sessionPrefix;
    private final long slackMillis;
    private final Duration timeout;
    private final Clock clock;
    /** Per id this process indexed: the epoch millisecond until which its entry covers the session (this JVM's clock). */
    private final Map<String, Long> covers = new ConcurrentHashMap<>();

    RedisUserIndex(String indexPrefix, String sessionPrefix, Duration slack, Duration timeout, Clock clock) {
        this.indexPrefix = indexPrefix;
        this.sessionPrefix = sessionPrefix;
        this.slackMillis = slack.toMillis();
        this.timeout = timeout;
        this.clock = clock;
    }

    /** The index key of {@code user}: a hash, so key names (and a CLUSTER KEYSLOT) carry no user's name. */
    String key(String user) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(user.getBytes(StandardCharsets.UTF_8));
            return indexPrefix + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * How long an entry outlives the moment it is written: the session's TTL and half again (the
     * headroom reads move the TTL within), plus a slack that covers the time until the session's own
     * write lands and the clock difference between two Cluster masters.
     */
    private long lifetimeMillis(long ttlSeconds) {
        return coverMillis(ttlSeconds) + slackMillis;
    }

    private static long coverMillis(long ttlSeconds) {
        return ttlSeconds * 1500;
    }

    /** Indexes {@code id} for a session about to be written with {@code ttlSeconds}; call before writing it. */
    void add(RedisLink link, String user, String id, long ttlSeconds) {
        long start = clock.millis();
        UserIndexScript.run(link.scripts, key(user), UserIndexScript.addArgs(id, lifetimeMillis(ttlSeconds)));
        remember(id, start + coverMillis(ttlSeconds));
    }

    /**
     * {@return how many milliseconds from now {@code id}'s entry is known to cover its session, or -1
     * when this process has not indexed it}
     */
    long covers(String id) {
        Long until = covers.get(id);
        return until == null ? -1 : Math.max(0, until - clock.millis());
    }

    /** The cover counts from before the index command was sent, so it never claims more than the entry holds. */
    private void remember(String id, long until) {
        if (covers.size() >= REMEMBERED_COVERS) {
            covers.clear();
        }
        covers.put(id, until);
    }

    /**
     * A touch of a bound session: the entry's score is raised in the same pipeline as the session's
     * EXPIRE, one extra single-key command per touch. The index command is sent first.
     */
    void touch(RedisLink link, String user, String sessionKey, String id, long ttlSeconds) {
        String indexKey = key(user);
        String[] args = UserIndexScript.addArgs(id, lifetimeMillis(ttlSeconds));
        long start = clock.millis();
        RedisFuture<List<String>> indexed = UserIndexScript.start(link.async.scripts(), indexKey, args);
        RedisFuture<Boolean> expired = link.async.keys().expire(sessionKey, ttlSeconds);
        try {
            await(indexed);
        } catch (RedisNoScriptException e) {
            UserIndexScript.run(link.scripts, indexKey, args);
        }
        remember(id, start + coverMillis(ttlSeconds));
        await(expired);
    }

    /** The session {@code id} bound to {@code user} was deleted; call after deleting it. */
    void remove(RedisLink link, String user, String id) {
        covers.remove(id);
        UserIndexScript.run(link.scripts, key(user), UserIndexScript.removeArgs(List.of(id)));
    }

    /**
     * The live sessions indexed under {@code user}: prune by score, then GET and PTTL every member,
     * pipelined (their keys lie in any slot), and drop the entries whose document names another user
     * or none. An entry whose session is missing is left out but kept until its score passes: it may
     * be a login whose index write has landed and whose session write has not yet, and removing it
     * would leave that session unindexed. Destroy removes its entry itself, so what waits for the
     * score is only what expired or was deleted behind the store's back.
     */
    Map<String, StoredSession> sessionsOf(RedisLink link, String user) {
        String indexKey = key(user);
        List<String> members = UserIndexScript.run(link.scripts, indexKey, UserIndexScript.readArgs());
        if (members == null || members.isEmpty()) {
            return Map.of();
        }
        List<RedisFuture<String>> docs = new ArrayList<>(members.size());
        List<RedisFuture<Long>> ttls = new ArrayList<>(members.size());
        for (String id : members) {
            docs.add(link.async.strings().get(sessionPrefix + id));
            ttls.add(link.async.keys().pttl(sessionPrefix + id));
        }
        Map<String, StoredSession> live = new LinkedHashMap<>();
        List<String> stale = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            String json = await(docs.get(i));
            Long pttl = await(ttls.get(i));
            StoredSession stored = json == null ? null : new StoredSession(json,
                    pttl != null && pttl >= 0 ? clock.instant().plusMillis(pttl) : null);
            if (stored == null) {
                continue;
            }
            if (Optional.of(user).equals(stored.boundUser())) {
                live.put(members.get(i), stored);
            } else {
                stale.add(members.get(i));
            }
        }
        if (!stale.isEmpty()) {
            UserIndexScript.run(link.scripts, indexKey, UserIndexScript.removeArgs(stale));
        }
        return live;
    }

    private <T> T await(RedisFuture<T> future) {
        return LettuceFutures.awaitOrCancel(future, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
