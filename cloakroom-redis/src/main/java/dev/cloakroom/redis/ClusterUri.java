package dev.cloakroom.redis;

import io.lettuce.core.RedisURI;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses {@code redis-cluster://[user:password@]host:port[,host:port...]} (and {@code rediss-cluster://}
 * for TLS) into one Lettuce URI per seed node. Lettuce itself has no cluster URI scheme. Errors
 * never repeat the URI, which may hold a password.
 */
final class ClusterUri {

    private ClusterUri() {
    }

    static boolean matches(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        return lower.startsWith("redis-cluster://") || lower.startsWith("rediss-cluster://");
    }

    static List<RedisURI> parse(String uri) {
        int schemeEnd = uri.indexOf("://");
        String scheme = uri.substring(0, schemeEnd).toLowerCase(Locale.ROOT).startsWith("rediss") ? "rediss" : "redis";
        String rest = uri.substring(schemeEnd + 3);
        if (rest.indexOf('?') >= 0 || rest.indexOf('#') >= 0) {
            throw new IllegalArgumentException("uri: a redis-cluster URI takes no query or fragment");
        }
        int slash = rest.indexOf('/');
        String authority = slash >= 0 ? rest.substring(0, slash) : rest;
        String path = slash >= 0 ? rest.substring(slash + 1) : "";
        if (!path.isEmpty() && !path.equals("0")) {
            throw new IllegalArgumentException("uri: Redis Cluster has only database 0");
        }
        int at = authority.lastIndexOf('@');
        String userInfo = at >= 0 ? authority.substring(0, at + 1) : "";
        String hosts = authority.substring(at + 1);
        List<RedisURI> seeds = new ArrayList<>();
        for (String host : hosts.split(",", -1)) {
            if (host.isBlank()) {
                throw new IllegalArgumentException("uri: a redis-cluster URI needs host:port[,host:port...]");
            }
            try {
                seeds.add(RedisURI.create(scheme + "://" + userInfo + host.trim()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("uri: a redis-cluster seed node is not host:port");
            }
        }
        return seeds;
    }
}
