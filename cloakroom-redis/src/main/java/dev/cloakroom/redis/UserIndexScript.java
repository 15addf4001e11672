package dev.cloakroom.redis;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisScriptingAsyncCommands;
import io.lettuce.core.api.sync.RedisScriptingCommands;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Every change to, and every read of, one user's index: a sorted set of session ids scored by the
 * epoch millisecond after which the entry may be forgotten. One Lua script on the one index key, so
 * it is atomic and legal on a Cluster. Each run first prunes by score (on the server's clock, so
 * application clocks do not matter), then adds (ZADD GT: a score only ever grows, so a touch never
 * shortens an entry below its session's life), removes or reads, and finally sets the key's own
 * expiry to its highest score (PEXPIREAT), so an index nobody reads again still goes. An index
 * pruned to nothing is deleted by Redis itself. Redis 6.2 or later (ZADD GT).
 *
 * <p>KEYS[1] = index key; ARGV[1] = {@code add}, {@code remove} or {@code read}; ARGV[2] = for
 * {@code add}, how many milliseconds from now the members may be forgotten; ARGV[3..] = members.
 * {@code read} returns the members left after pruning.
 */
final class UserIndexScript {

    static final String LUA = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
            local op = ARGV[1]
            if op == 'add' then
              local score = now + tonumber(ARGV[2])
              for i = 3, #ARGV do
                redis.call('ZADD', KEYS[1], 'GT', score, ARGV[i])
              end
            elseif op == 'remove' then
              for i = 3, #ARGV do
                redis.call('ZREM', KEYS[1], ARGV[i])
              end
            end
            local top = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
            if top[2] then
              redis.call('PEXPIREAT', KEYS[1], top[2])
            end
            if op == 'read' then
              return redis.call('ZRANGE', KEYS[1], 0, -1)
            end
            return {}
            """;

    static final String SHA1 = CompareAndSetScript.sha1(LUA);

    private UserIndexScript() {
    }

    static String[] addArgs(String member, long lifetimeMillis) {
        return new String[] {"add", Long.toString(lifetimeMillis), member};
    }

    static String[] removeArgs(Collection<String> members) {
        List<String> args = new ArrayList<>(members.size() + 2);
        args.add("remove");
        args.add("0");
        args.addAll(members);
        return args.toArray(String[]::new);
    }

    static String[] readArgs() {
        return new String[] {"read", "0"};
    }

    /** Runs the script by digest, falling back to EVAL (which caches it) on a server that lacks it. */
    static List<String> run(RedisScriptingCommands<String, String> scripts, String key, String... args) {
        String[] keys = {key};
        try {
            return scripts.evalsha(SHA1, ScriptOutputType.MULTI, keys, args);
        } catch (RedisNoScriptException e) {
            return scripts.eval(LUA, ScriptOutputType.MULTI, keys, args);
        }
    }

    /** Sends the script by digest without waiting, to pipeline it beside another command. */
    static RedisFuture<List<String>> start(RedisScriptingAsyncCommands<String, String> scripts, String key, String... args) {
        return scripts.evalsha(SHA1, ScriptOutputType.MULTI, new String[] {key}, args);
    }
}
