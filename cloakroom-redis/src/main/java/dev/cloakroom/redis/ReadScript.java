package dev.cloakroom.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisScriptingCommands;

import java.util.List;

/**
 * {@link RedisStore#get}: the document and its remaining lifetime (PTTL) in one round trip, so
 * core learns the live expiry, which every touch moves without rewriting the document. From it
 * follow the cookie's expiry and {@code HttpSession.getLastAccessedTime()}. KEYS[1] = key.
 */
final class ReadScript {

    static final String LUA = """
            local json = redis.call('GET', KEYS[1])
            if not json then
              return false
            end
            return {json, redis.call('PTTL', KEYS[1])}
            """;

    static final String SHA1 = CompareAndSetScript.sha1(LUA);

    private ReadScript() {
    }

    /** The document and its remaining milliseconds (negative: no TTL), or null when the key is missing. */
    static Read run(RedisScriptingCommands<String, String> scripts, String key) {
        String[] keys = {key};
        List<Object> reply;
        try {
            reply = scripts.evalsha(SHA1, ScriptOutputType.MULTI, keys);
        } catch (RedisNoScriptException e) {
            reply = scripts.eval(LUA, ScriptOutputType.MULTI, keys);
        }
        if (reply == null || reply.size() != 2 || !(reply.get(0) instanceof String json)) {
            return null;
        }
        return new Read(json, reply.get(1) instanceof Long ms ? ms : -1L);
    }

    record Read(String json, long remainingMillis) {
    }
}
