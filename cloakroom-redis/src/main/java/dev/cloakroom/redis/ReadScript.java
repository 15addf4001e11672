package dev.cloakroom.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisScriptingAsyncCommands;

import java.util.List;

/**
 * {@link RedisStore#get} and {@link RedisStore#getAndTouch}: the document and its remaining
 * lifetime (PTTL) in one round trip, so core learns the live expiry, which every touch moves without
 * rewriting the document; and, for a touching read, the TTL moved in the same script.
 *
 * <p>KEYS[1] = key. A plain read passes no ARGV. A touching read passes ARGV[1] = the TTL to move to,
 * in seconds (connect-redis's rounding); ARGV[2] = {@code touchAfter} in milliseconds, 0 for none;
 * ARGV[3] = how many milliseconds from now the user index is known to cover this id, -1 when unknown.
 * The script never creates a key, never shortens a TTL (a key already living long enough counts as
 * touched), leaves a move shorter than {@code touchAfter} unwritten, and does not move a session bound
 * to a user past what its index entry covers: that touch is left to the end of the request, where
 * {@link RedisStore#touch} raises the entry first. A document counts as bound when it holds
 * {@code "user":} and cjson finds a {@code __cloakroom.user} string in it, or cannot parse it.
 * Replies {document, PTTL before} for a plain read, and {document, PTTL before, outcome} for a
 * touching one: 0 not touched, 1 already living long enough, 2 moved.
 */
final class ReadScript {

    static final String LUA = """
            local json = redis.call('GET', KEYS[1])
            if not json then
              return false
            end
            local pttl = redis.call('PTTL', KEYS[1])
            if not ARGV[1] then
              return {json, pttl}
            end
            local target = tonumber(ARGV[1]) * 1000
            if pttl < 0 or pttl >= target then
              return {json, pttl, 1}
            end
            if target - pttl < tonumber(ARGV[2]) then
              return {json, pttl, 0}
            end
            if target > tonumber(ARGV[3]) and string.find(json, '"user":', 1, true) then
              local ok, doc = pcall(cjson.decode, json)
              if not ok or (type(doc) == 'table' and type(doc.__cloakroom) == 'table'
                  and type(doc.__cloakroom.user) == 'string' and doc.__cloakroom.user ~= '') then
                return {json, pttl, 0}
              end
            end
            redis.call('PEXPIRE', KEYS[1], target)
            return {json, pttl, 2}
            """;

    static final String SHA1 = CompareAndSetScript.sha1(LUA);

    /** The reply's outcome for a touching read that moved nothing, because of the throttle or the user index. */
    static final long NOT_TOUCHED = 0;
    /** The reply's outcome for a touching read that moved the TTL. */
    static final long MOVED = 2;

    private ReadScript() {
    }

    /** The document and its remaining milliseconds (negative: no TTL), or null when the key is missing. */
    static Read run(RedisLink link, String key) {
        return run(link, key, new String[0]);
    }

    /**
     * A touching read to {@code ttlSeconds}; {@code indexCoversMillis} is how long the user index
     * covers this id from now, -1 when unknown. Null when the key is missing.
     */
    static Read runTouching(RedisLink link, String key, long ttlSeconds, long touchAfterMillis, long indexCoversMillis) {
        return run(link, key, new String[] {Long.toString(ttlSeconds), Long.toString(touchAfterMillis),
            Long.toString(indexCoversMillis)});
    }

    private static Read run(RedisLink link, String key, String[] args) {
        String[] keys = {key};
        RedisScriptingAsyncCommands<String, String> scripts = link.async.scripts();
        List<Object> reply;
        try {
            reply = link.await(scripts.evalsha(SHA1, ScriptOutputType.MULTI, keys, args));
        } catch (RedisNoScriptException e) {
            reply = link.await(scripts.eval(LUA, ScriptOutputType.MULTI, keys, args));
        }
        if (reply == null || reply.size() < 2 || !(reply.get(0) instanceof String json)) {
            return null;
        }
        long outcome = reply.size() > 2 && reply.get(2) instanceof Long o ? o : NOT_TOUCHED;
        return new Read(json, reply.get(1) instanceof Long ms ? ms : -1L, outcome);
    }

    /** What the script read: the document, its PTTL before any move, and the touch's outcome. */
    record Read(String json, long remainingMillis, long outcome) {
        boolean touched() {
            return outcome != NOT_TOUCHED;
        }
    }
}
