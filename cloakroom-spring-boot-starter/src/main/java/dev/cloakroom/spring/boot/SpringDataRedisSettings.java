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

        /** {@return {@code spring.data.redis.ssl.enabled}} */
        public Boolean getEnabled() {
            return enabled;
        }

        /**
         * Sets {@code spring.data.redis.ssl.enabled}.
         *
         * @param enabled the value
         */
        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }

        /** {@return {@code spring.data.redis.ssl.bundle}} */
        public String getBundle() {
            return bundle;
        }

        /**
         * Sets {@code spring.data.redis.ssl.bundle}.
         *
         * @param bundle the value
         */
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

        /** {@return {@code spring.data.redis.sentinel.master}} */
        public String getMaster() {
            return master;
        }

        /**
         * Sets {@code spring.data.redis.sentinel.master}.
         *
         * @param master the value
         */
        public void setMaster(String master) {
            this.master = master;
        }

        /** {@return {@code spring.data.redis.sentinel.nodes}} */
        public List<String> getNodes() {
            return nodes;
        }

        /**
         * Sets {@code spring.data.redis.sentinel.nodes}.
         *
         * @param nodes the value
         */
        public void setNodes(List<String> nodes) {
            this.nodes = nodes;
        }

        /** {@return {@code spring.data.redis.sentinel.username}} */
        public String getUsername() {
            return username;
        }

        /**
         * Sets {@code spring.data.redis.sentinel.username}.
         *
         * @param username the value
         */
        public void setUsername(String username) {
            this.username = username;
        }

        /** {@return {@code spring.data.redis.sentinel.password}} */
        public String getPassword() {
            return password;
        }

        /**
         * Sets {@code spring.data.redis.sentinel.password}.
         *
         * @param password the value
         */
        public void setPassword(String password) {
            this.password = password;
        }
    }

    /** {@code spring.data.redis.cluster.*}. */
    public static class Cluster {
        private List<String> nodes = new ArrayList<>();

        /** {@return {@code spring.data.redis.cluster.nodes}} */
        public List<String> getNodes() {
            return nodes;
        }

        /**
         * Sets {@code spring.data.redis.cluster.nodes}.
         *
         * @param nodes the value
         */
        public void setNodes(List<String> nodes) {
            this.nodes = nodes;
        }
    }

    /** {@return {@code spring.data.redis.url}} */
    public String getUrl() {
        return url;
    }

    /**
     * Sets {@code spring.data.redis.url}.
     *
     * @param url the value
     */
    public void setUrl(String url) {
        this.url = url;
    }

    /** {@return {@code spring.data.redis.host}} */
    public String getHost() {
        return host;
    }

    /**
     * Sets {@code spring.data.redis.host}.
     *
     * @param host the value
     */
    public void setHost(String host) {
        this.host = host;
    }

    /** {@return {@code spring.data.redis.port}} */
    public int getPort() {
        return port;
    }

    /**
     * Sets {@code spring.data.redis.port}.
     *
     * @param port the value
     */
    public void setPort(int port) {
        this.port = port;
    }

    /** {@return {@code spring.data.redis.database}} */
    public int getDatabase() {
        return database;
    }

    /**
     * Sets {@code spring.data.redis.database}.
     *
     * @param database the value
     */
    public void setDatabase(int database) {
        this.database = database;
    }

    /** {@return {@code spring.data.redis.username}} */
    public String getUsername() {
        return username;
    }

    /**
     * Sets {@code spring.data.redis.username}.
     *
     * @param username the value
     */
    public void setUsername(String username) {
        this.username = username;
    }

    /** {@return {@code spring.data.redis.password}} */
    public String getPassword() {
        return password;
    }

    /**
     * Sets {@code spring.data.redis.password}.
     *
     * @param password the value
     */
    public void setPassword(String password) {
        this.password = password;
    }

    /** {@return the {@code spring.data.redis.ssl.*} settings} */
    public Ssl getSsl() {
        return ssl;
    }

    /** {@return the {@code spring.data.redis.sentinel.*} settings} */
    public Sentinel getSentinel() {
        return sentinel;
    }

    /** {@return the {@code spring.data.redis.cluster.*} settings} */
    public Cluster getCluster() {
        return cluster;
    }
}
