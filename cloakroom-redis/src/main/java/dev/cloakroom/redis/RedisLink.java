package dev.cloakroom.redis;

import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisKeyCommands;
import io.lettuce.core.api.sync.RedisScriptingCommands;
import io.lettuce.core.api.sync.RedisStringCommands;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import io.lettuce.core.api.sync.RedisCommands;

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

    private RedisLink(StatefulConnection<String, String> connection, RedisKeyCommands<String, String> keys,
                      RedisStringCommands<String, String> strings, RedisScriptingCommands<String, String> scripts) {
        this.connection = connection;
        this.keys = keys;
        this.strings = strings;
        this.scripts = scripts;
    }

    static RedisLink standalone(StatefulRedisConnection<String, String> connection) {
        RedisCommands<String, String> sync = connection.sync();
        return new RedisLink(connection, sync, sync, sync);
    }

    static RedisLink cluster(StatefulRedisClusterConnection<String, String> connection) {
        RedisAdvancedClusterCommands<String, String> sync = connection.sync();
        return new RedisLink(connection, sync, sync, sync);
    }

    @Override
    public void close() {
        connection.close();
    }
}
