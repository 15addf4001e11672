package dev.cloakroom.spring.boot;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of Spring Boot's {@code spring.data.redis.*} that says where Redis is, bound by the
 * starter itself so that Spring Data Redis need not be on the classpath. Names and defaults are
 * Spring Boot's ({@code DataRedisProperties}); pooling, client type and Spring Data's timeouts
 * concern Spring Data's own connection and are not read.
 */
public class SpringDataRedisSettings {

    private String url;
    private String host = "localhost";
    private int port = 6379;
    private int database;
    private String username;
    private String password;
    private final Ssl ssl = new Ssl();
    private final Sentinel sentinel = new Sentinel();
    private final Cluster cluster = new Cluster();

    /** {@code spring.data.redis.ssl.*}. */
    public static class Ssl {
        private Boolean enabled;
        private String bundle;

        public Boolean getEnabled() {
            return enabled;
        }

        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }

        public String getBundle() {
            return bundle;
        }

        public void setBundle(String bundle) {
            this.bundle = bundle;
        }
    }

    /** {@code spring.data.redis.sentinel.*}. */
    public static class Sentinel {
        private String master;
        private List<String> nodes = new ArrayList<>();
        private String username;
        private String password;

        public String getMaster() {
            return master;
        }

        public void setMaster(String master) {
            this.master = master;
        }

        public List<String> getNodes() {
            return nodes;
        }

        public void setNodes(List<String> nodes) {
            this.nodes = nodes;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }

    /** {@code spring.data.redis.cluster.*}. */
    public static class Cluster {
        private List<String> nodes = new ArrayList<>();

        public List<String> getNodes() {
            return nodes;
        }

        public void setNodes(List<String> nodes) {
            this.nodes = nodes;
        }
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public int getDatabase() {
        return database;
    }

    public void setDatabase(int database) {
        this.database = database;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Ssl getSsl() {
        return ssl;
    }

    public Sentinel getSentinel() {
        return sentinel;
    }

    public Cluster getCluster() {
        return cluster;
    }
}
