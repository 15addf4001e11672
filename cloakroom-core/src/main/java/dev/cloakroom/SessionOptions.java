package dev.cloakroom;

import tools.jackson.databind.ObjectMapper;
import dev.cloakroom.internal.OptionChecks;
import dev.cloakroom.internal.OptionChecks.Secret;
import dev.cloakroom.internal.SessionIds;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Everything that configures session handling: express-session's options, checked once. Build
 * with {@link #builder()}; {@link Builder#build()} refuses an invalid combination with a message
 * naming the option, so no invalid {@code SessionOptions} can exist.
 *
 * <p>Defaults: cookie {@code connect.sid}, {@code resave=false}, {@code saveUninitialized=false},
 * {@code rolling=false}, {@code unset=KEEP}, proxy headers not trusted beyond what the framework
 * decides, a {@link MemoryStore}. express-session's own defaults for {@code resave} and
 * {@code saveUninitialized} are {@code true}, which it deprecates; the README explains each choice.
 */
public final class SessionOptions {

    private final List<byte[]> secrets;
    private final String name;
    private final Function<SessionRequest, CookieOptions> cookie;
    private final Function<SessionRequest, String> genid;
    private final Boolean proxy;
    private final boolean resave;
    private final boolean saveUninitialized;
    private final boolean rolling;
    private final boolean cacheControl;
    private final UnsetAction unset;
    private final SessionStore store;
    private final ObjectMapper objectMapper;
    private final AttributeTypes attributeTypes;
    private final Duration touchAfter;
    private final ReservedNames reservedNames;
    private final SessionTransport transport;
    private final Duration idleTimeout;
    private final Duration absoluteTimeout;
    private final List<SessionListener> listeners;
    private final List<StoreObserver> observers;

    private final int maxSessionBytes;

    /**
     * The default {@link #maxSessionBytes()}: 256 KiB. An express app's session is a user id, a
     * few flags, flash messages, a CSRF secret and perhaps a cart, well under 16 KiB; this leaves
     * ample room above that, yet it keeps one session from filling a store or making every one of
     * its requests read and write megabytes, and it is far below the hard ceilings (MongoDB's 16 MB
     * document, Redis's 512 MB value).
     */
    public static final int DEFAULT_MAX_SESSION_BYTES = 256 * 1024;

    /** The smallest {@link #maxSessionBytes()}: an empty session's cookie object alone is about 150 bytes. */
    public static final int MIN_MAX_SESSION_BYTES = 1024;

    private SessionOptions(Builder b, List<byte[]> secrets, Function<SessionRequest, CookieOptions> cookie) {
        this.secrets = secrets.stream().map(byte[]::clone).toList();
        this.name = b.name;
        this.cookie = cookie;
        this.genid = b.genid;
        this.proxy = b.proxy;
        this.resave = b.resave;
        this.saveUninitialized = b.saveUninitialized;
        this.rolling = b.rolling;
        this.cacheControl = b.cacheControl;
        this.unset = b.unset;
        this.store = b.store != null ? b.store : new MemoryStore();
        this.objectMapper = b.objectMapper;
        this.attributeTypes = b.attributeTypes;
        this.touchAfter = b.touchAfter;
        this.reservedNames = b.reservedNames;
        this.transport = b.transport;
        this.idleTimeout = b.idleTimeout;
        this.absoluteTimeout = b.absoluteTimeout;
        this.listeners = List.copyOf(b.listeners);
        this.observers = List.copyOf(b.observers);
        this.maxSessionBytes = b.maxSessionBytes;
    }

    /** {@return a builder holding the defaults and no secret, which {@link Builder#build()} requires} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The secrets as HMAC keys: the first signs new cookies, every one verifies incoming cookies, in
     * order. A secret given as a string is its UTF-8 bytes, which is also what express-session signs
     * with.
     *
     * @return fresh copies of the keys, newest first
     */
    public List<byte[]> secretKeys() {
        return secrets.stream().map(byte[]::clone).toList();
    }

    /** {@return the cookie name} */
    public String name() {
        return name;
    }

    /**
     * {@return the cookie settings for a new session created during {@code request}}
     *
     * @param request the request creating the session
     */
    public CookieOptions cookieFor(SessionRequest request) {
        return cookie.apply(request);
    }

    /**
     * {@return a new session id for {@code request}}
     *
     * @param request the request creating or regenerating the session
     */
    public String newId(SessionRequest request) {
        return genid.apply(request);
    }

    /**
     * {@return whom to believe about a request being secure} {@code null}: ask the framework;
     * {@code true}: the first {@code X-Forwarded-Proto} value decides; {@code false}: only a TLS
     * connection counts. A TLS connection counts under all three.
     */
    public Boolean proxy() {
        return proxy;
    }

    /** {@return whether an unchanged session is saved at the end of every request} */
    public boolean resave() {
        return resave;
    }

    /** {@return whether a new session nothing was put in is saved and sent a cookie} */
    public boolean saveUninitialized() {
        return saveUninitialized;
    }

    /** {@return whether every response that used the session sends the cookie, with a fresh expiry} */
    public boolean rolling() {
        return rolling;
    }

    /** {@return whether responses carrying the session cookie are marked {@code Cache-Control: private} and {@code Vary: Cookie}} */
    public boolean cacheControl() {
        return cacheControl;
    }

    /** {@return what happens to the stored session when a handler unsets it} */
    public UnsetAction unset() {
        return unset;
    }

    /** {@return where sessions are kept} */
    public SessionStore store() {
        return store;
    }

    /** {@return the Jackson mapper for attribute values, or {@code null} for Cloakroom's own} */
    public ObjectMapper objectMapper() {
        return objectMapper;
    }

    /** {@return which types an untyped read may rebuild a stored value as; {@link AttributeTypes#defaults()} unless set} */
    public AttributeTypes attributeTypes() {
        return attributeTypes;
    }

    /**
     * {@return how long the server keeps a session nobody uses} Empty (the default): the cookie's
     * max age decides, as in express-session, and a browser-session cookie leaves the store its own
     * default period.
     */
    public Optional<Duration> idleTimeout() {
        return Optional.ofNullable(idleTimeout);
    }

    /** {@return how long a session may live from its creation however much it is used; empty (the default) for no limit} */
    public Optional<Duration> absoluteTimeout() {
        return Optional.ofNullable(absoluteTimeout);
    }

    /**
     * {@return the most UTF-8 bytes of stored JSON one session may hold; {@link #DEFAULT_MAX_SESSION_BYTES} unless set}
     * A save over it fails with {@link SessionTooLargeException} and writes nothing.
     */
    public int maxSessionBytes() {
        return maxSessionBytes;
    }

    /** {@return how far an unchanged session's stored expiry must move before it is written; zero writes every time} */
    public Duration touchAfter() {
        return touchAfter;
    }

    /** {@return what {@link Session#set} does with a name express-session reserves; {@link ReservedNames#WARN} unless set} */
    public ReservedNames reservedNames() {
        return reservedNames;
    }

    /** {@return how the signed id travels; {@link SessionTransport#cookie()} unless set} */
    public SessionTransport transport() {
        return transport;
    }

    /** {@return the session listeners, in the order they were added; told in that order} */
    public List<SessionListener> listeners() {
        return listeners;
    }

    /** {@return the store observers, in the order they were added} */
    public List<StoreObserver> observers() {
        return observers;
    }

    /** Builds {@link SessionOptions}; {@link #build()} checks the settings together. */
    public static final class Builder {
        private final List<Secret> secrets = new ArrayList<>();
        private String name = "connect.sid";
        private CookieOptions cookie = CookieOptions.defaults();
        private Function<SessionRequest, CookieOptions> cookieFunction;
        private Function<SessionRequest, String> genid = request -> SessionIds.generate();
        private Boolean proxy;
        private boolean resave;
        private boolean saveUninitialized;
        private boolean rolling;
        private boolean cacheControl = true;
        private UnsetAction unset = UnsetAction.KEEP;
        private SessionStore store;
        private ObjectMapper objectMapper;
        private AttributeTypes attributeTypes = AttributeTypes.defaults();
        private Duration touchAfter = Duration.ZERO;
        private ReservedNames reservedNames = ReservedNames.WARN;
        private SessionTransport transport = SessionTransport.cookie();
        private boolean defaultGenid = true;
        private Duration idleTimeout;
        private Duration absoluteTimeout;
        private final List<SessionListener> listeners = new ArrayList<>();
        private final List<StoreObserver> observers = new ArrayList<>();
        private int maxSessionBytes = DEFAULT_MAX_SESSION_BYTES;

        private Builder() {
        }

        /**
         * The one secret that signs and verifies cookies. Keep it out of source control. A blank
         * secret is refused; one shorter than 32 bytes is accepted with a WARN when the session
         * engine starts, since express-session advises at least 32 bytes of random data.
         *
         * @param secret the secret
         * @return this builder
         */
        public Builder secret(String secret) {
            return secrets(secret == null ? null : List.of(secret));
        }

        /**
         * A binary secret, as an express app's {@code secret: crypto.randomBytes(32)} (a Buffer):
         * give the same bytes here and the two sign alike. Refused when empty; shorter than 32 bytes
         * it works with a WARN, as for a string. The array is copied.
         *
         * @param secret the key bytes
         * @return this builder
         */
        public Builder secret(byte[] secret) {
            return secrets(secret == null ? null : new byte[][] {secret});
        }

        /**
         * Several secrets for rotation: the first signs, all verify. Put the new secret first.
         *
         * @param secrets the secrets, newest first
         * @return this builder
         */
        public Builder secrets(String... secrets) {
            return secrets(secrets == null ? null : List.of(secrets));
        }

        /**
         * As {@link #secrets(String...)}.
         *
         * @param secrets the secrets, newest first
         * @return this builder
         * @throws IllegalArgumentException if an entry is null
         */
        public Builder secrets(List<String> secrets) {
            return setSecrets(secrets == null ? null : secrets.stream().map(OptionChecks::secret).toList());
        }

        /**
         * Binary secrets for rotation, as express-session's array of Buffers: the first signs, all
         * verify. A string secret being rotated out is its UTF-8 bytes:
         * {@code secrets(newKey, "old secret".getBytes(StandardCharsets.UTF_8))}.
         *
         * @param secrets the key bytes, newest first; each array is copied
         * @return this builder
         */
        public Builder secrets(byte[]... secrets) {
            return setSecrets(secrets == null ? null : Arrays.stream(secrets).map(OptionChecks::secret).toList());
        }

        private Builder setSecrets(List<Secret> secrets) {
            this.secrets.clear();
            if (secrets != null) {
                secrets.forEach(s -> this.secrets.add(OptionChecks.entry(s)));
            }
            return this;
        }

        /**
         * The cookie name, {@code connect.sid} by default (as express-session, so the two can share).
         *
         * @param name an RFC 6265 token
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * The cookie settings for every new session, replacing earlier ones and any per-request function.
         *
         * @param cookie the settings
         * @return this builder
         * @throws NullPointerException if {@code cookie} is null
         */
        public Builder cookie(CookieOptions cookie) {
            this.cookie = Objects.requireNonNull(cookie, "cookie must not be null");
            this.cookieFunction = null;
            return this;
        }

        /**
         * Adjusts the cookie settings made so far (the defaults, or an earlier {@code cookie(...)}):
         * {@code .cookie(c -> c.maxAge(Duration.ofMinutes(30)))}. Calls compose, each refining the
         * one before, so {@code .cookie(c -> c.path("/app")).cookie(c -> c.secure(SecureMode.ALWAYS))}
         * keeps both. Each call's result must be valid on its own: it is checked at once.
         *
         * @param customizer changes a builder holding the settings made so far
         * @return this builder
         * @throws IllegalArgumentException when the changed settings are invalid, from {@link CookieOptions.Builder#build()}
         */
        public Builder cookie(Consumer<CookieOptions.Builder> customizer) {
            Objects.requireNonNull(customizer, "cookie must not be null");
            CookieOptions.Builder refined = cookie.toBuilder();
            customizer.accept(refined);
            return cookie(refined.build());
        }

        /**
         * Cookie settings decided per request, for new sessions (express-session 1.19's function form).
         *
         * @param perRequest gives the settings for the request creating a session
         * @return this builder
         */
        public Builder cookiePerRequest(Function<SessionRequest, CookieOptions> perRequest) {
            this.cookieFunction = Objects.requireNonNull(perRequest, "cookie must not be null");
            return this;
        }

        /**
         * How new session ids are made. The default is 24 bytes from {@link java.security.SecureRandom},
         * base64url without padding. A custom generator must be unpredictable: the id is the
         * only thing standing between a visitor and another visitor's session.
         *
         * @param genid gives a new id for the request
         * @return this builder
         */
        public Builder genid(Function<SessionRequest, String> genid) {
            this.genid = Objects.requireNonNull(genid, "genid must not be null");
            this.defaultGenid = false;
            return this;
        }

        /**
         * How to tell whether a request is secure, as express-session's {@code proxy}: {@code true}
         * trusts the first {@code X-Forwarded-Proto} value ({@code https} is secure) and nothing
         * else the framework derived from forwarding headers; {@code false} counts only a TLS
         * connection, even when the framework was told to trust forwarding headers;
         * {@code null} (default) takes the framework's answer. A TLS connection is secure under all three.
         *
         * @param proxy {@code true}, {@code false}, or {@code null} (the default)
         * @return this builder
         */
        public Builder proxy(Boolean proxy) {
            this.proxy = proxy;
            return this;
        }

        /**
         * Save the session at the end of every request even when unchanged. Off by default.
         *
         * @param resave whether to
         * @return this builder
         */
        public Builder resave(boolean resave) {
            this.resave = resave;
            return this;
        }

        /**
         * Save and send a cookie for new sessions nothing was put in. Off by default.
         *
         * @param saveUninitialized whether to
         * @return this builder
         */
        public Builder saveUninitialized(boolean saveUninitialized) {
            this.saveUninitialized = saveUninitialized;
            return this;
        }

        /**
         * Send the cookie, with a fresh expiry, on every response that used the session. Off by default.
         *
         * @param rolling whether to
         * @return this builder
         */
        public Builder rolling(boolean rolling) {
            this.rolling = rolling;
            return this;
        }

        /**
         * Keep responses that carry the session cookie out of shared caches, on by default. A proxy
         * or CDN that stored such a response would give the cookie, and the session, to the next
         * visitor. Each one gets {@code Cache-Control: private}, merged into the application's own
         * value ({@code public} and {@code s-maxage} are dropped, {@code no-store} and {@code private}
         * are kept as they are), and {@code Cookie} added to {@code Vary}. {@code private} rather than
         * {@code no-cache="Set-Cookie"}, which many caches ignore. Turn it off only when something
         * else already sets these headers.
         *
         * @param cacheControl whether to
         * @return this builder
         */
        public Builder cacheControl(boolean cacheControl) {
            this.cacheControl = cacheControl;
            return this;
        }

        /**
         * What happens to the stored session when a handler unsets it.
         *
         * @param unset {@link UnsetAction#KEEP} by default
         * @return this builder
         */
        public Builder unset(UnsetAction unset) {
            this.unset = unset;
            return this;
        }

        /**
         * Where sessions are kept.
         *
         * @param store the store; {@code null} (the default) makes a {@link MemoryStore}
         * @return this builder
         */
        public Builder store(SessionStore store) {
            this.store = store;
            return this;
        }

        /**
         * A Jackson mapper for attribute values, for custom modules.
         *
         * @param objectMapper the mapper; {@code null} (the default) uses Cloakroom's own
         * @return this builder
         */
        public Builder objectMapper(ObjectMapper objectMapper) {
            this.objectMapper = objectMapper;
            return this;
        }

        /**
         * The types an untyped read ({@link Session#get(String)}, {@code HttpSession.getAttribute})
         * may rebuild stored values as, for example
         * {@code AttributeTypes.builder().allowPackages("com.example.shop").build()}.
         *
         * @param attributeTypes the allowed types
         * @return this builder
         */
        public Builder attributeTypes(AttributeTypes attributeTypes) {
            this.attributeTypes = Objects.requireNonNull(attributeTypes, "attributeTypes");
            return this;
        }

        /**
         * Skip the store write that only moves an unchanged session's expiry when it would move
         * by less than this. Zero (the default) writes on every such request, as express-session does.
         *
         * @param touchAfter zero or positive
         * @return this builder
         */
        public Builder touchAfter(Duration touchAfter) {
            this.touchAfter = touchAfter;
            return this;
        }

        /**
         * What {@link Session#set} does with an attribute name express-session drops when it loads a
         * session ({@code save}, {@code id}, {@code toString} and others; see {@link ReservedNames}):
         * {@code WARN} (the default) logs once per name, {@code REFUSE} throws, {@code ALLOW} says nothing.
         *
         * @param reservedNames what to do
         * @return this builder
         */
        public Builder reservedNames(ReservedNames reservedNames) {
            this.reservedNames = reservedNames;
            return this;
        }

        /**
         * How the signed id travels: {@link SessionTransport#cookie()} (the default),
         * {@link SessionTransport#bearer()} or {@link SessionTransport#header(String)} for API
         * clients. With a header no cookie is sent: cookie attributes other than {@code maxAge} and
         * {@code expires}, and {@code rolling}, are then refused by {@link #build()}, as they would
         * do nothing.
         *
         * @param transport where the id travels
         * @return this builder
         * @throws NullPointerException if {@code transport} is null
         */
        public Builder transport(SessionTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport must not be null");
            return this;
        }

        /**
         * Adds a listener told when sessions are created, regenerated, destroyed, expire or are
         * revoked. Repeatable; listeners are told in the order added, and one that throws is logged
         * and skipped.
         *
         * @param listener the listener
         * @return this builder
         * @throws NullPointerException if {@code listener} is null
         */
        public Builder listener(SessionListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
            return this;
        }

        /**
         * The server-side inactivity limit (ASVS 7.3.1): a session not used for this long is gone
         * from the store, whatever its cookie says. It sets the expiry Cloakroom gives the store on
         * every save and touch, also for a browser-session cookie, which otherwise leaves the store its
         * own default period (a day). Unset (the default), the cookie's max age is the idle limit, as
         * in express-session. It must be shorter than {@code absoluteTimeout} and not longer than a
         * fixed {@code cookie.maxAge}, and longer than {@code touchAfter}.
         *
         * @param idleTimeout positive, or {@code null} for none
         * @return this builder
         */
        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        /**
         * The absolute lifetime (ASVS 7.3.2): a session ends this long after it was created however
         * much it is used, and the visitor gets a new, empty one. It is counted from the creation time
         * stored in the document, so it holds across restarts, instances and stores; every expiry
         * Cloakroom writes (the store's and the cookie's {@code Expires}) stops at it. Unset by default.
         *
         * @param absoluteTimeout positive, or {@code null} for none
         * @return this builder
         */
        public Builder absoluteTimeout(Duration absoluteTimeout) {
            this.absoluteTimeout = absoluteTimeout;
            return this;
        }

        /**
         * Adds an observer of store calls (latency, conflicts, retries, saved sizes, 503s), for
         * metrics. Repeatable.
         *
         * @param observer the observer
         * @return this builder
         * @throws NullPointerException if {@code observer} is null
         */
        public Builder observer(StoreObserver observer) {
            observers.add(Objects.requireNonNull(observer, "observer must not be null"));
            return this;
        }

        /**
         * The most UTF-8 bytes of stored JSON (the whole document, cookie object included) one
         * session may hold; 256 KiB ({@link SessionOptions#DEFAULT_MAX_SESSION_BYTES}) unless set. A save over it
         * fails with {@link SessionTooLargeException} (adapters answer 413) and writes nothing, also
         * when it is the merge with a concurrent request's changes that would go over. Checked on
         * every write, so no store ever holds more from Cloakroom; documents another application
         * stored are read whatever their size.
         *
         * @param maxSessionBytes at least {@link SessionOptions#MIN_MAX_SESSION_BYTES}; {@link Integer#MAX_VALUE} for no practical limit
         * @return this builder
         */
        public Builder maxSessionBytes(int maxSessionBytes) {
            this.maxSessionBytes = maxSessionBytes;
            return this;
        }

        /**
         * {@return the checked, immutable options}
         *
         * @throws IllegalArgumentException naming the option, for a missing, empty or blank secret, a
         *                                  cookie name that is not a token or is too long, cookie
         *                                  settings its {@code __Host-} or {@code __Secure-} prefix
         *                                  forbids, cookie settings or {@code rolling} with header
         *                                  transport, a null {@code unset} or a negative {@code touchAfter},
         *                                  a timeout that is not positive, or an {@code idleTimeout} not
         *                                  shorter than {@code absoluteTimeout}, longer than
         *                                  {@code cookie.maxAge} or not longer than {@code touchAfter},
         *                                  or a {@code maxSessionBytes} under {@link SessionOptions#MIN_MAX_SESSION_BYTES}
         */
        public SessionOptions build() {
            OptionChecks.secrets(secrets);
            OptionChecks.name(name);
            OptionChecks.choices(unset, reservedNames);
            OptionChecks.limits(touchAfter, maxSessionBytes);
            CookieOptions fixed = cookieFunction == null ? cookie : null;
            OptionChecks.transport(transport, name, defaultGenid, fixed, rolling);
            OptionChecks.timeouts(idleTimeout, absoluteTimeout, fixed, touchAfter);
            Function<SessionRequest, CookieOptions> resolved = fixed != null ? request -> fixed : cookieFunction;
            return new SessionOptions(this, secrets.stream().map(Secret::bytes).toList(), resolved);
        }
    }
}
