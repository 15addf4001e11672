package dev.cloakroom.spring.boot;

import dev.cloakroom.ReservedNames;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.UnsetAction;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Cloakroom's settings under {@code cloakroom.*}, named after express-session's options. Only
 * {@code cloakroom.secret} is required. Settings left unset take Cloakroom's defaults, or the
 * matching {@code server.servlet.session.*} value where one is set (see the README, "Spring Boot quickstart").
 */
@ConfigurationProperties("cloakroom")
public class CloakroomProperties {

    /**
     * Secrets that sign the session cookie: the first signs new cookies, every one verifies
     * incoming cookies. Put a new secret first to rotate. Required. A comma separates secrets, so
     * a secret containing one must be given in indexed form (cloakroom.secret[0]). A secret of the
     * form base64:KEY is the key bytes KEY decodes to, for sharing sessions with a Node app whose
     * secret is a Buffer.
     */
    private List<String> secret = new ArrayList<>();

    /**
     * Name of the session cookie; connect.sid (express-session's) unless this or
     * server.servlet.session.cookie.name is set.
     */
    private String name;

    /** Save the session at the end of every request, even when it did not change. */
    private boolean resave = false;

    /** Save, and send a cookie for, new sessions that nothing was put in. */
    private boolean saveUninitialized = false;

    /** Send the cookie, with a fresh expiry, on every response that used the session. */
    private boolean rolling = false;

    /**
     * How the signed session id travels: cookie (the default, for browsers), bearer (requests
     * send Authorization: Bearer, tokens are issued in the cloakroom.transport-header response
     * header, Session-Token unless set), or header (one named header both ways,
     * cloakroom.transport-header, required). No cookie is sent with bearer or header.
     */
    private Transport transport = Transport.COOKIE;

    /** The header of cloakroom.transport: for header, the one both ways (such as X-Session-Id); for bearer, the response header. */
    private String transportHeader;

    /** Values of {@code cloakroom.transport}. */
    public enum Transport {
        /** The signed cookie, express-session's way. */
        COOKIE,
        /** {@code Authorization: Bearer} in requests; tokens issued in {@code cloakroom.transport-header}. */
        BEARER,
        /** One named header, {@code cloakroom.transport-header}, both ways. */
        HEADER
    }

    /** What happens to the stored session when the application drops it: keep it until it expires, or destroy it. */
    private UnsetAction unset = UnsetAction.KEEP;

    /**
     * What setting an attribute whose name express-session drops on load (save, id, toString...)
     * does: warn once per name, refuse it, or allow it silently when no Node app shares the store.
     */
    private ReservedNames reservedNames = ReservedNames.WARN;

    /**
     * How to decide if a request is secure: true trusts the first X-Forwarded-Proto value, false
     * counts only a TLS connection (even when the container trusts forwarding headers), unset
     * leaves it to the servlet container (server.forward-headers-strategy).
     */
    private Boolean proxy;

    /** Skip the store write that only moves an unchanged session's expiry when it would move by less than this. */
    private Duration touchAfter = Duration.ZERO;

    /**
     * The server-side inactivity limit: a session not used for this long is gone from the store,
     * whatever its cookie says. Unset, the cookie's max age is the idle limit. Must be shorter than
     * cloakroom.absolute-timeout, not longer than the cookie's max age, and longer than
     * cloakroom.touch-after.
     */
    private Duration idleTimeout;

    /**
     * The absolute lifetime: a session ends this long after it was created however much it is
     * used, and the visitor gets a new, empty one. Unset, sessions have no absolute end.
     */
    private Duration absoluteTimeout;

    /**
     * The most stored JSON one session may hold (UTF-8, the whole document); a save over it fails
     * with 413 and writes nothing. A plain number is bytes; 64KB and 1MB also work. At least 1KB.
     */
    private DataSize maxSessionBytes = DataSize.ofBytes(SessionOptions.DEFAULT_MAX_SESSION_BYTES);

    /** Where sessions are kept. */
    private StoreType store = StoreType.MEMORY;

    /**
     * Packages (with their subpackages) whose classes may be rebuilt from a stored session's type
     * hints, besides the application's own packages and Spring Security's types.
     */
    private List<String> allowedPackages = new ArrayList<>();

    @NestedConfigurationProperty
    private final CookieProperties cookie = new CookieProperties();

    @NestedConfigurationProperty
    private final MemoryStoreProperties memory = new MemoryStoreProperties();

    @NestedConfigurationProperty
    private final RedisStoreProperties redis = new RedisStoreProperties();

    @NestedConfigurationProperty
    private final JdbcStoreProperties jdbc = new JdbcStoreProperties();

    @NestedConfigurationProperty
    private final MongoStoreProperties mongodb = new MongoStoreProperties();

    /** The stores {@code cloakroom.store} can name. */
    public enum StoreType {
        /** In this JVM's memory: lost on restart, not shared between instances. */
        MEMORY,
        /** Redis through Lettuce, configured by spring.data.redis.*; needs dev.cloakroom:cloakroom-redis. */
        REDIS,
        /** The application's DataSource; needs dev.cloakroom:cloakroom-jdbc. */
        JDBC,
        /** The application's MongoClient (spring.mongodb.*); needs dev.cloakroom:cloakroom-mongodb. */
        MONGODB
    }

    /**
     * {@return {@code cloakroom.secret}} Secrets that sign the session cookie: the first signs new
     * cookies, every one verifies incoming cookies. Put a new secret first to rotate. Required. A
     * comma separates secrets, so a secret containing one must be given in indexed form
     * (cloakroom.secret[0]).
     */
    public List<String> getSecret() {
        return secret;
    }

    /**
     * Sets {@code cloakroom.secret}; see {@link #getSecret()}.
     *
     * @param secret the value
     */
    public void setSecret(List<String> secret) {
        this.secret = secret;
    }

    /**
     * {@return {@code cloakroom.name}} Name of the session cookie; connect.sid (express-session's)
     * unless this or server.servlet.session.cookie.name is set.
     */
    public String getName() {
        return name;
    }

    /**
     * Sets {@code cloakroom.name}; see {@link #getName()}.
     *
     * @param name the value
     */
    public void setName(String name) {
        this.name = name;
    }

    /**
     * {@return {@code cloakroom.resave}} Save the session at the end of every request, even when it
     * did not change.
     */
    public boolean isResave() {
        return resave;
    }

    /**
     * Sets {@code cloakroom.resave}; see {@link #isResave()}.
     *
     * @param resave the value
     */
    public void setResave(boolean resave) {
        this.resave = resave;
    }

    /**
     * {@return {@code cloakroom.save-uninitialized}} Save, and send a cookie for, new sessions that
     * nothing was put in.
     */
    public boolean isSaveUninitialized() {
        return saveUninitialized;
    }

    /**
     * Sets {@code cloakroom.save-uninitialized}; see {@link #isSaveUninitialized()}.
     *
     * @param saveUninitialized the value
     */
    public void setSaveUninitialized(boolean saveUninitialized) {
        this.saveUninitialized = saveUninitialized;
    }

    /**
     * {@return {@code cloakroom.rolling}} Send the cookie, with a fresh expiry, on every response
     * that used the session.
     */
    public boolean isRolling() {
        return rolling;
    }

    /**
     * Sets {@code cloakroom.rolling}; see {@link #isRolling()}.
     *
     * @param rolling the value
     */
    public void setRolling(boolean rolling) {
        this.rolling = rolling;
    }

    /** {@return {@code cloakroom.transport}} How the signed session id travels; cookie unless set. */
    public Transport getTransport() {
        return transport;
    }

    /**
     * Sets {@code cloakroom.transport}; see {@link #getTransport()}.
     *
     * @param transport the value
     */
    public void setTransport(Transport transport) {
        this.transport = transport;
    }

    /** {@return {@code cloakroom.transport-header}} The header of a bearer or header transport. */
    public String getTransportHeader() {
        return transportHeader;
    }

    /**
     * Sets {@code cloakroom.transport-header}; see {@link #getTransportHeader()}.
     *
     * @param transportHeader the value
     */
    public void setTransportHeader(String transportHeader) {
        this.transportHeader = transportHeader;
    }

    /**
     * {@return {@code cloakroom.reserved-names}} What setting an attribute whose name
     * express-session drops on load (save, id, toString...) does: warn once per name, refuse it,
     * or allow it silently when no Node app shares the store.
     */
    public ReservedNames getReservedNames() {
        return reservedNames;
    }

    /**
     * Sets {@code cloakroom.reserved-names}; see {@link #getReservedNames()}.
     *
     * @param reservedNames the value
     */
    public void setReservedNames(ReservedNames reservedNames) {
        this.reservedNames = reservedNames;
    }

    /**
     * {@return {@code cloakroom.unset}} What happens to the stored session when the application
     * drops it: keep it until it expires, or destroy it.
     */
    public UnsetAction getUnset() {
        return unset;
    }

    /**
     * Sets {@code cloakroom.unset}; see {@link #getUnset()}.
     *
     * @param unset the value
     */
    public void setUnset(UnsetAction unset) {
        this.unset = unset;
    }

    /**
     * {@return {@code cloakroom.proxy}} How to decide if a request is secure: true trusts the first
     * X-Forwarded-Proto value, false counts only a TLS connection (even when the container trusts
     * forwarding headers), unset leaves it to the servlet container (server.forward-headers-strategy).
     */
    public Boolean getProxy() {
        return proxy;
    }

    /**
     * Sets {@code cloakroom.proxy}; see {@link #getProxy()}.
     *
     * @param proxy the value
     */
    public void setProxy(Boolean proxy) {
        this.proxy = proxy;
    }

    /**
     * {@return {@code cloakroom.touch-after}} Skip the store write that only moves an unchanged
     * session's expiry when it would move by less than this.
     */
    public Duration getTouchAfter() {
        return touchAfter;
    }

    /**
     * Sets {@code cloakroom.touch-after}; see {@link #getTouchAfter()}.
     *
     * @param touchAfter the value
     */
    public void setTouchAfter(Duration touchAfter) {
        this.touchAfter = touchAfter;
    }

    /**
     * {@return {@code cloakroom.idle-timeout}} The server-side inactivity limit; unset, the
     * cookie's max age is the idle limit.
     */
    public Duration getIdleTimeout() {
        return idleTimeout;
    }

    /**
     * Sets {@code cloakroom.idle-timeout}; see {@link #getIdleTimeout()}.
     *
     * @param idleTimeout the value
     */
    public void setIdleTimeout(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    /**
     * {@return {@code cloakroom.absolute-timeout}} How long after its creation a session ends,
     * however much it is used; unset, never.
     */
    public Duration getAbsoluteTimeout() {
        return absoluteTimeout;
    }

    /**
     * Sets {@code cloakroom.absolute-timeout}; see {@link #getAbsoluteTimeout()}.
     *
     * @param absoluteTimeout the value
     */
    public void setAbsoluteTimeout(Duration absoluteTimeout) {
        this.absoluteTimeout = absoluteTimeout;
    }

    /**
     * {@return {@code cloakroom.max-session-bytes}} The most stored JSON one session may hold;
     * 256KB unless set.
     */
    public DataSize getMaxSessionBytes() {
        return maxSessionBytes;
    }

    /**
     * Sets {@code cloakroom.max-session-bytes}; see {@link #getMaxSessionBytes()}.
     *
     * @param maxSessionBytes the value
     */
    public void setMaxSessionBytes(DataSize maxSessionBytes) {
        this.maxSessionBytes = maxSessionBytes;
    }

    /**
     * {@return {@code cloakroom.store}} Where sessions are kept.
     */
    public StoreType getStore() {
        return store;
    }

    /**
     * Sets {@code cloakroom.store}; see {@link #getStore()}.
     *
     * @param store the value
     */
    public void setStore(StoreType store) {
        this.store = store;
    }

    /**
     * {@return {@code cloakroom.allowed-packages}} Packages (with their subpackages) whose classes
     * may be rebuilt from a stored session's type hints, besides the application's own packages and
     * Spring Security's types.
     */
    public List<String> getAllowedPackages() {
        return allowedPackages;
    }

    /**
     * Sets {@code cloakroom.allowed-packages}; see {@link #getAllowedPackages()}.
     *
     * @param allowedPackages the value
     */
    public void setAllowedPackages(List<String> allowedPackages) {
        this.allowedPackages = allowedPackages;
    }

    /** {@return the {@code cloakroom.cookie.*} settings} */
    public CookieProperties getCookie() {
        return cookie;
    }

    /** {@return the {@code cloakroom.memory.*} settings} */
    public MemoryStoreProperties getMemory() {
        return memory;
    }

    /** {@return the {@code cloakroom.redis.*} settings} */
    public RedisStoreProperties getRedis() {
        return redis;
    }

    /** {@return the {@code cloakroom.jdbc.*} settings} */
    public JdbcStoreProperties getJdbc() {
        return jdbc;
    }

    /** {@return the {@code cloakroom.mongodb.*} settings} */
    public MongoStoreProperties getMongodb() {
        return mongodb;
    }
}
