package dev.cloakroom.interop;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The Redis both apps share: {@code CLOAKROOM_TEST_REDIS_URL} when set, else a real redis-server
 * from the embedded-redis jar on a free loopback port. Also a raw client, for reading what the
 * apps stored exactly as they stored it.
 */
final class TestRedis implements SharedStore {

    static final String URL_ENV = "CLOAKROOM_TEST_REDIS_URL";

    private final RedisServer server;
    private final String url;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    private TestRedis(RedisServer server, String url) {
        this.server = server;
        this.url = url;
        this.client = RedisClient.create(RedisURI.create(url));
        this.connection = client.connect();
    }

    static TestRedis start() {
        String external = System.getenv(URL_ENV);
        if (external != null && !external.isBlank()) {
            return new TestRedis(null, external);
        }
        int port = freePort();
        try {
            RedisServer server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
            return new TestRedis(server, "redis://127.0.0.1:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded redis-server", e);
        }
    }

    /** {@code redis://host:port}, for both apps. */
    @Override
    public String javaUrl() {
        return url;
    }

    /** The same URL: connect-redis takes it as it is. */
    @Override
    public String nodeUrl() {
        return url;
    }

    RedisCommands<String, String> raw() {
        return connection.sync();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
        if (server != null) {
            try {
                server.stop();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
