package dev.cloakroom.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisScriptingAsyncCommands;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The compare-and-set behind {@link RedisStore#replace}: one Lua script on one key, so Redis runs
 * it atomically and it works on a Cluster. It writes only if the stored text is exactly the
 * expected text, then sets the new document with its TTL, or deletes it when the TTL is not
 * positive. KEYS[1] = key; ARGV = expected, new document, TTL in seconds.
 */
final class CompareAndSetScript {

    static final String LUA = """
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then
              return 0
            end
            if tonumber(ARGV[3]) > 0 then
              redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
            else
              redis.call('DEL', KEYS[1])
            end
            return 1
            """;

    static final String SHA1 = sha1(LUA);

    private CompareAndSetScript() {
    }

    /**
     * Runs the script by digest (EVALSHA) and falls back to EVAL, which also caches it, when the
     * server has not seen it yet (a new node, a restart, SCRIPT FLUSH).
     */
    static boolean run(RedisLink link, String key, String expected, String json, long ttl) {
        String[] keys = {key};
        String ttlText = Long.toString(ttl);
        RedisScriptingAsyncCommands<String, String> scripts = link.async.scripts();
        Long wrote;
        try {
            wrote = link.await(scripts.<Long>evalsha(SHA1, ScriptOutputType.INTEGER, keys, expected, json, ttlText));
        } catch (RedisNoScriptException e) {
            wrote = link.await(scripts.<Long>eval(LUA, ScriptOutputType.INTEGER, keys, expected, json, ttlText));
        }
        return wrote != null && wrote == 1L;
    }

    static String sha1(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }
}
