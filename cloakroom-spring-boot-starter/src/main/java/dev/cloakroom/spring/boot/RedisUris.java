package dev.cloakroom.spring.boot;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The {@code redis://}, {@code redis-sentinel://} or {@code redis-cluster://} URI for
 * {@link SpringDataRedisSettings}, chosen as Spring Boot chooses: Sentinel when a master is
 * named, else Cluster when nodes are listed, else the standalone {@code url} or host and port.
 * Settings this URI cannot carry fail, naming the property; errors never repeat a password.
 */
final class RedisUris {

    private static final String P = "spring.data.redis.";

    private RedisUris() {
    }

    static String from(SpringDataRedisSettings s) {
        if (s.getSsl().getBundle() != null) {
            throw new CloakroomConfigurationException(P + "ssl.bundle",
                    "is set, but Cloakroom's Redis store cannot use SSL bundles.",
                    "Use " + P + "ssl.enabled=true (the JVM's trust store), or define a SessionStore bean with"
                            + " RedisStore.builder().client(...) on a client configured for the bundle.");
        }
        if (s.getUsername() != null && s.getPassword() == null) {
            throw new CloakroomConfigurationException(P + "username", "is set without " + P + "password.",
                    "Set " + P + "password as well.");
        }
        boolean ssl = Boolean.TRUE.equals(s.getSsl().getEnabled());
        String userInfo = userInfo(s.getUsername(), s.getPassword());
        SpringDataRedisSettings.Sentinel sentinel = s.getSentinel();
        if (sentinel.getMaster() != null) {
            return sentinel(s, sentinel, ssl, userInfo);
        }
        if (!sentinel.getNodes().isEmpty()) {
            throw new CloakroomConfigurationException(P + "sentinel.nodes", "is set without " + P + "sentinel.master.",
                    "Name the master with " + P + "sentinel.master.");
        }
        List<String> cluster = s.getCluster().getNodes();
        if (!cluster.isEmpty()) {
            if (s.getDatabase() != 0) {
                throw new CloakroomConfigurationException(P + "database", "is " + s.getDatabase()
                        + ", but a Redis Cluster has only database 0.", "Remove " + P + "database.");
            }
            return (ssl ? "rediss-cluster://" : "redis-cluster://") + userInfo + nodes(cluster, P + "cluster.nodes");
        }
        if (s.getUrl() != null) {
            return standaloneUrl(s.getUrl(), ssl, s.getDatabase());
        }
        return (ssl ? "rediss://" : "redis://") + userInfo + hostPort(s.getHost(), s.getPort()) + "/" + s.getDatabase();
    }

    private static String sentinel(SpringDataRedisSettings s, SpringDataRedisSettings.Sentinel sentinel, boolean ssl, String userInfo) {
        if (sentinel.getNodes().isEmpty()) {
            throw new CloakroomConfigurationException(P + "sentinel.nodes", "is empty, but " + P + "sentinel.master is set.",
                    "List the Sentinels as host:port in " + P + "sentinel.nodes.");
        }
        if (sentinel.getPassword() != null || sentinel.getUsername() != null) {
            // A Sentinel URI's credentials are the data nodes' only (as spring.data.redis.password is).
            throw new CloakroomConfigurationException(P + (sentinel.getPassword() != null ? "sentinel.password" : "sentinel.username"),
                    "is set, but the Redis URI Cloakroom's store is built from carries no credentials for Sentinels"
                            + " (spring.data.redis.password is used for the data nodes).",
                    "Define a SessionStore bean with RedisStore.builder().client(...) on a Lettuce client whose"
                            + " RedisURI sets each Sentinel's password, or run the Sentinels without one.");
        }
        return (ssl ? "rediss-sentinel://" : "redis-sentinel://") + userInfo + nodes(sentinel.getNodes(), P + "sentinel.nodes")
                + "/" + s.getDatabase() + "#" + sentinel.getMaster();
    }

    private static String standaloneUrl(String url, boolean ssl, int database) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("redis://") && !lower.startsWith("rediss://")) {
            throw new CloakroomConfigurationException(P + "url", "must start with redis:// or rediss://.",
                    "Correct " + P + "url; for Sentinel or Cluster use " + P + "sentinel.* or " + P + "cluster.nodes.");
        }
        String result = ssl && lower.startsWith("redis://") ? "rediss://" + url.substring("redis://".length()) : url;
        String afterScheme = result.substring(result.indexOf("://") + 3);
        int slash = afterScheme.indexOf('/');
        boolean hasDatabase = slash >= 0 && slash < afterScheme.length() - 1;
        if (!hasDatabase && database != 0) {
            result = (slash >= 0 ? result : result + "/") + database;
        }
        return result;
    }

    private static String nodes(List<String> nodes, String property) {
        StringBuilder b = new StringBuilder();
        for (String node : nodes) {
            String n = node == null ? "" : node.trim();
            int colon = n.lastIndexOf(':');
            if (colon <= 0 || colon == n.length() - 1 || !n.substring(colon + 1).chars().allMatch(Character::isDigit)) {
                throw new CloakroomConfigurationException(property, "has '" + n + "', which is not host:port.",
                        "Write each entry of " + property + " as host:port.");
            }
            b.append(b.length() > 0 ? "," : "").append(n);
        }
        return b.toString();
    }

    private static String hostPort(String host, int port) {
        return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    private static String userInfo(String username, String password) {
        if (password == null) {
            return "";
        }
        return (username != null ? encode(username) + ":" : "") + encode(password) + "@";
    }

    /** Percent-encodes all but RFC 3986's unreserved characters. */
    static String encode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                b.append(c);
            } else {
                b.append('%').append(String.format("%02X", x & 0xff));
            }
        }
        return b.toString();
    }
}
