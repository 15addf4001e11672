package dev.cloakroom.mongodb;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;

/**
 * The server the store tests share: {@code CLOAKROOM_TEST_MONGODB_URL} when set, otherwise one
 * in-process mongo-java-server (memory backend) on a free loopback port for this JVM. It speaks
 * the real wire protocol to the real driver, but implements no TTL monitor: tests never wait for
 * MongoDB to remove a document.
 */
final class TestMongo {

    static final String ENV = "CLOAKROOM_TEST_MONGODB_URL";

    private static String uri;

    private TestMongo() {
    }

    /** The shared server's URI, naming a test database when the configured URI names none. */
    static synchronized String uri() {
        if (uri == null) {
            String configured = System.getenv(ENV);
            if (configured != null && !configured.isBlank()) {
                ConnectionString parsed = new ConnectionString(configured);
                uri = parsed.getDatabase() != null ? configured : withDatabase(configured, "cloakroom_test");
                System.out.println("[cloakroom-mongodb] store tests use the MongoDB server from " + ENV
                        + " (hosts " + parsed.getHosts() + ")");
            } else {
                MongoServer server = startMemoryServer(0);
                Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
                uri = "mongodb://" + address(server) + "/cloakroom_test";
                System.out.println("[cloakroom-mongodb] store tests use an in-process mongo-java-server (memory "
                        + "backend, no TTL monitor) at " + address(server) + "; set " + ENV + " to use a real MongoDB");
            }
        }
        return uri;
    }

    /** The database the tests use: the configured URI's, or {@code cloakroom_test}. */
    static String database() {
        return new ConnectionString(uri()).getDatabase();
    }

    /** The shared server's URI with no database in its path (options kept). */
    static String uriWithoutDatabase() {
        String u = uri();
        int hostsStart = u.indexOf("://") + 3;
        int path = u.indexOf('/', hostsStart);
        int query = u.indexOf('?', hostsStart);
        if (path < 0 || (query >= 0 && query < path)) {
            return u;
        }
        return u.substring(0, path) + "/" + (query < 0 ? "" : u.substring(query));
    }

    /** A new mongo-java-server with a memory backend on 127.0.0.1, on {@code port} or a free one for 0. */
    static MongoServer startMemoryServer(int port) {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", port);
        return server;
    }

    static String address(MongoServer server) {
        InetSocketAddress a = server.getLocalAddress();
        return a.getHostString() + ":" + a.getPort();
    }

    private static String withDatabase(String configured, String database) {
        int query = configured.indexOf('?');
        String base = query < 0 ? configured : configured.substring(0, query);
        String options = query < 0 ? "" : configured.substring(query);
        return (base.endsWith("/") ? base : base + "/") + database + options;
    }
}
