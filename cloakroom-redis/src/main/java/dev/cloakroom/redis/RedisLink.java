package dev.cloakroom.redis;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisKeyAsyncCommands;
import io.lettuce.core.api.async.RedisScriptingAsyncCommands;
import io.lettuce.core.api.async.RedisStringAsyncCommands;
import io.lettuce.core.api.sync.RedisKeyCommands;
import io.lettuce.core.api.sync.RedisScriptingCommands;
import io.lettuce.core.api.sync.RedisStringCommands;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.cluster.api.async.RedisAdvancedClusterAsyncCommands;

import java.util.concurrent.TimeUnit;

/**
 * One open connection and the command groups the store uses, the same for a standalone (or
 * Sentinel-managed) server and for a Cluster. On a Cluster the multi-key commands (SCAN, MGET,
 * DEL) are Lettuce's advanced ones, which visit every master and split keys by slot.
 */
final class RedisLink implements AutoCloseable {

    final StatefulConnection<String, String> connection;
    final RedisKeyCommands<String, String> keys;
    final RedisStringCommands<String, String> strings;
    final RedisScriptingCommands<String, String> scripts;
    /** The same commands unawaited, to pipeline one command per key when the keys lie in many slots. */
    final Async async;

    /** Lettuce's asynchronous command groups; on a Cluster each command goes to its key's master. */
    record Async(RedisKeyAsyncCommands<String, String> keys, RedisStringAsyncCommands<String, String> strings,
                 RedisScriptingAsyncCommands<String, String> scripts) {
    }

    private RedisLink(StatefulConnection<String, String> connection, RedisKeyCommands<String, String> keys,
                      RedisStringCommands<String, String> strings, RedisScriptingCommands<String, String> scripts,
                      Async async) {
        this.connection = connection;
        this.keys = keys;
        this.strings = strings;
        this.scripts = scripts;
        this.async = async;
    }

    static RedisLink standalone(StatefulRedisConnection<String, String> connection) {
        RedisCommands<String, String> sync = connection.sync();
        RedisAsyncCommands<String, String> async = connection.async();
        return new RedisLink(connection, sync, sync, sync, new Async(async, async, async));
    }

    static RedisLink cluster(StatefulRedisClusterConnection<String, String> connection) {
        RedisAdvancedClusterCommands<String, String> sync = connection.sync();
        RedisAdvancedClusterAsyncCommands<String, String> async = connection.async();
        return new RedisLink(connection, sync, sync, sync, new Async(async, async, async));
    }

    /**
     * {@return the reply to an asynchronous command, waited for as Lettuce's synchronous API waits
     * (the connection's timeout, the same exceptions)} The request path's scripts use this:
     * the synchronous API reaches the same wait through a reflective proxy on every call.
     */
    <T> T await(RedisFuture<T> reply) {
        return LettuceFutures.awaitOrCancel(reply, connection.getTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        connection.close();
    }
}
