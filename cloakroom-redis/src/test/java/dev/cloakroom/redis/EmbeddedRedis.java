package dev.cloakroom.redis;

import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;
import redis.embedded.core.RedisServerBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real redis-server (the binary shipped in embedded-redis) on a free loopback port, with its
 * binary, config and nodes file in a temp dir of its own that {@link #close()} deletes. No
 * persistence: data is lost when it stops. It can be stopped and started again on the same port.
 */
final class EmbeddedRedis implements AutoCloseable {

    final int port;
    private final Path dir;
    private final List<String> settings;
    private RedisServer server;

    private EmbeddedRedis(int port, Path dir, List<String> settings) {
        this.port = port;
        this.dir = dir;
        this.settings = settings;
    }

    /** Starts a server with extra redis.conf lines such as {@code cluster-enabled yes}. */
    static EmbeddedRedis launch(String... settings) {
        Path dir;
        try {
            dir = Files.createTempDirectory("cloakroom-redis-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddedRedis redis = new EmbeddedRedis(freePort(), dir, List.of(settings));
        try {
            redis.start();
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
        return redis;
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts the server unless it is running. */
    synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            RedisServerBuilder b = RedisServer.newRedisServer()
                    .executableProvider(ExecutableProvider.newJarResourceProvider(dir.toFile()))
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .setting("dir " + dir);
            settings.forEach(b::setting);
            RedisServer built = b.build();
            built.start();
            server = built;
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server did not start on port " + port, e);
        }
    }

    synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            server = null;
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            deleteTree(dir);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
