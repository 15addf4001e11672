package dev.cloakroom.sample;

import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real redis-server (the binary shipped in embedded-redis) on a free loopback port, without
 * persistence, in a temp dir of its own that {@link #close()} deletes.
 */
final class EmbeddedRedis implements AutoCloseable {

    private final int port;
    private final Path dir;
    private final RedisServer server;

    private EmbeddedRedis(int port, Path dir, RedisServer server) {
        this.port = port;
        this.dir = dir;
        this.server = server;
    }

    static EmbeddedRedis launch() {
        try {
            Path dir = Files.createTempDirectory("cloakroom-sample-redis-");
            int port = freePort();
            RedisServer server = RedisServer.newRedisServer()
                    .executableProvider(ExecutableProvider.newJarResourceProvider(dir.toFile()))
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .setting("dir " + dir)
                    .build();
            server.start();
            return new EmbeddedRedis(port, dir, server);
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server did not start", e);
        }
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() throws IOException {
        try {
            server.stop();
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
