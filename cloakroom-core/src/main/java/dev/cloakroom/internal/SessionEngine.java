package dev.cloakroom.internal;

import tools.jackson.databind.node.ObjectNode;
import dev.cloakroom.SessionExchange;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.SessionStore;
import dev.cloakroom.SessionStoreException;
import dev.cloakroom.StoreObserver;
import dev.cloakroom.StoredSession;
import dev.cloakroom.SweepingSessionStore;
import dev.cloakroom.TouchedSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/** What every request shares: options, signer, codec, and store calls with uniform failure handling. */
public final class SessionEngine {

    private static final Logger LOG = LoggerFactory.getLogger("dev.cloakroom");

    final SessionOptions options;
    final CookieSigner signer;
    final SessionCookieReader reader;
    final SessionCodec codec;
    final ValueMapper values;
    final Clock clock;
    final ConflictFreeWriter writer;
    private final SharedDecodes decodes;
    final ReservedNameCheck reservedNames;
    /** The header token reader and writer under header transport; null when the id travels in a cookie. */
    final HeaderTokens tokens;
    final Timeouts timeouts;
    final Events events;
    final StoreObservation observation;
    private final StoreFailureLog failures;
    /** Whether the WARN about a Secure cookie withheld from a plain-HTTP request was logged; once per engine. */
    private final AtomicBoolean warnedSecureOverHttp = new AtomicBoolean();

    /** express-session's advice for a secret: at least 32 bytes of random data. */
    static final int ADVISED_SECRET_BYTES = 32;

    /**
     * An engine for these options; warns once here about a secret shorter than express-session advises.
     *
     * @param options the checked options
     * @param clock   the clock expiry is judged by
     */
    public SessionEngine(SessionOptions options, Clock clock) {
        this.options = options;
        this.signer = new CookieSigner(options.secretKeys());
        this.reader = new SessionCookieReader(options.name(), signer);
        this.codec = new SessionCodec(options.objectMapper());
        this.values = new ValueMapper(codec.mapper(), options.attributeTypes(), codec.ownsMapper());
        this.clock = clock;
        this.decodes = new SharedDecodes(codec, clock);
        this.writer = new ConflictFreeWriter(this);
        this.reservedNames = new ReservedNameCheck(options.reservedNames());
        this.tokens = options.transport().isCookie() ? null : new HeaderTokens(options.transport(), signer);
        this.timeouts = new Timeouts(options);
        this.events = new Events(options.listeners(), clock);
        this.observation = new StoreObservation(options.observers(), options.store());
        this.failures = new StoreFailureLog(options.store().getClass().getSimpleName(), clock);
        if (events.any() && options.store() instanceof SweepingSessionStore sweeping) {
            // The store holds this weakly; the engine's field keeps it alive as long as the engine.
            sweeping.onExpiry(events);
        }
        warnAboutShortSecrets(options.secretKeys());
    }

    /** One WARN at startup per secret shorter than advised; never the secret itself, only its position and length. */
    private static void warnAboutShortSecrets(List<byte[]> secrets) {
        for (int i = 0; i < secrets.size(); i++) {
            int bytes = secrets.get(i).length;
            if (bytes < ADVISED_SECRET_BYTES) {
                LOG.warn("session secret #{} is only {} bytes long; use at least {} random bytes (express-session's"
                        + " advice), e.g. from 'openssl rand -base64 32', so cookie signatures cannot be guessed",
                        i + 1, bytes, ADVISED_SECRET_BYTES);
            }
        }
    }

    /**
     * The first time a cookie marked {@code Secure} is held back because its request came over
     * plain HTTP, says so once at WARN with the fix; later requests are silent (one line per
     * engine, not one per request). {@code forwardedProto} is the request's X-Forwarded-Proto, or null.
     */
    void warnSecureCookieOverPlainHttp(String forwardedProto) {
        if (!warnedSecureOverHttp.compareAndSet(false, true)) {
            return;
        }
        String fix;
        if (Boolean.TRUE.equals(options.proxy())) {
            fix = "proxy(true) is set, and the proxy said this request was " + (forwardedProto == null
                    ? "not HTTPS (no X-Forwarded-Proto header): have it send X-Forwarded-Proto: https; "
                    : "not HTTPS (X-Forwarded-Proto is not https): check what it sends; ");
        } else if (forwardedProto != null) {
            fix = "The request has an X-Forwarded-Proto header: behind a proxy that terminates TLS, set proxy(true) so it counts; ";
        } else {
            fix = "Behind a proxy that terminates TLS, set proxy(true) and have it send X-Forwarded-Proto: https; ";
        }
        LOG.warn("no session cookie was sent: the cookie is Secure (cookie.secure ALWAYS) and this request came over plain"
                + " HTTP, so browsers would refuse it and every request starts a new session. " + fix
                + "for plain-HTTP development use cookie.secure(AUTO). Logged once");
    }

    /** {@return the options this engine was made with} */
    public SessionOptions options() {
        return options;
    }

    /** {@return where events go; revocation reports through {@link Events#userRevoked}} */
    public Events events() {
        return events;
    }

    /** {@return where store observations go} */
    public StoreObservation observation() {
        return observation;
    }

    /** {@return the codec between sessions and stored documents} */
    public SessionCodec codec() {
        return codec;
    }

    /**
     * {@return the session handling of one request} Reads the cookie only when asked.
     *
     * @param exchange the request and response
     */
    public RequestContext open(SessionExchange exchange) {
        return new RequestContext(this, exchange);
    }

    /**
     * {@return the stored document {@code json} of session {@code id}, split into a cookie and
     * attributes of the caller's own} A big one is decoded once for all the requests that read the
     * same text ({@link SharedDecodes}).
     *
     * @throws dev.cloakroom.UnreadableSessionException when it is not a session document
     */
    SessionCodec.Decoded decode(String id, String json) {
        return decodes.decode(id, json);
    }

    /** {@return {@code attributes} as session {@code id}'s latest shared decode, holding no NaN or infinity; or null} */
    SharedDecodes.Finite finiteDecode(String id, ObjectNode attributes) {
        return decodes.finiteDecode(id, attributes);
    }

    /** Tells the shared decodes that session {@code id} now holds {@code written}, encoded from this cookie and tree. */
    void wrote(String id, SessionCodec.Encoded written, CookieState cookie, ObjectNode attributes) {
        decodes.wrote(id, written, cookie, attributes);
    }

    /** The {@code Set-Cookie} value for {@code id} with {@code cookie}'s attributes. */
    String setCookie(String id, CookieState cookie) {
        return SetCookieWriter.write(options.name(), "s:" + signer.sign(id), cookie);
    }

    /**
     * Refuses a new id that could never come back from the client: a cookie over the size
     * browsers keep, or a token the header cannot carry.
     */
    void checkNewId(String id) {
        if (tokens != null) {
            tokens.checkId(id);
        } else {
            CookieNameRules.checkCookieSize(options.name(), UriComponent.encode("s:" + signer.sign(id)), id.length());
        }
    }

    /**
     * Refuses cookie settings a per-request function returned that the options would have
     * refused at build time: a broken prefix rule, or cookie attributes under header transport.
     */
    void checkCookieSettings(dev.cloakroom.CookieOptions cookie) {
        String violation = tokens == null ? CookieNameRules.violation(options.name(), cookie)
                : TransportRules.violation(options.transport(), cookie);
        if (violation != null) {
            throw new IllegalStateException("cookiePerRequest returned settings browsers would drop: " + violation);
        }
    }

    Optional<StoredSession> get(String id) {
        return call("get", id, () -> options.store().get(id));
    }

    /**
     * A request's read, which also moves a live session's expiry to {@code touchTo}; observers see
     * it as a get. With {@code resave} every request saves, so it is a plain get.
     */
    Optional<TouchedSession> read(String id, Instant touchTo) {
        if (options.resave()) {
            return get(id).map(TouchedSession::untouched);
        }
        return call("get", id, () -> options.store().getAndTouch(id, touchTo, options.touchAfter()));
    }

    void set(String id, StoredSession session) {
        call("set", id, () -> {
            options.store().set(id, session);
            return null;
        });
        observation.saved(session.json());
    }

    /** A compare-and-set; a {@code false} is reported to observers as a conflict. */
    boolean replace(String id, String expectedJson, StoredSession session) {
        boolean replaced = call("replace", id, () -> options.store().replace(id, expectedJson, session));
        if (replaced) {
            observation.saved(session.json());
        } else {
            observation.conflict();
        }
        return replaced;
    }

    void touch(String id, StoredSession session) {
        call("touch", id, () -> {
            options.store().touch(id, session);
            return null;
        });
    }

    void destroy(String id) {
        call("destroy", id, () -> {
            options.store().destroy(id);
            return null;
        });
    }

    /**
     * Runs one store call. A failure is logged at WARN (at most once per kind every ten seconds,
     * see {@link StoreFailureLog}), naming the session only by fingerprint and carrying the
     * failure's message chain with the id replaced by that fingerprint, then thrown as a fresh
     * {@link SessionStoreException}.
     *
     * <p>The thrown exception has no cause and no suppressed exceptions, even when the store threw
     * a {@code SessionStoreException} of its own: a store's exception, or a driver's beneath it,
     * may quote a server reply that echoes a key ({@code sess:<id>}), and whatever core throws ends
     * up in an adapter's or a container's log with its whole chain. A sanitised copy of the chain
     * would still hold arbitrary driver text, so the original is not kept at all; the scrubbed
     * messages in the WARN line are what is left for debugging. The message names the operation,
     * the store class and the fingerprint, so the exception can be matched to that line.
     */
    private <T> T call(String operation, String id, Supplier<T> call) {
        SessionStore store = options.store();
        boolean timed = observation.any();
        long start = timed ? System.nanoTime() : 0L;
        try {
            T result = call.get();
            failures.succeeded();
            if (timed) {
                // Only replace answers a boolean: false is a compare-and-set that wrote nothing.
                boolean conflict = Boolean.FALSE.equals(result);
                observation.operation(operation, System.nanoTime() - start,
                        conflict ? StoreObserver.Outcome.CONFLICT : StoreObserver.Outcome.SUCCESS);
            }
            return result;
        } catch (RuntimeException e) {
            if (timed) {
                observation.operation(operation, System.nanoTime() - start, StoreObserver.Outcome.ERROR);
            }
            String storeName = store.getClass().getSimpleName();
            String fingerprint = SessionIds.fingerprint(id);
            failures.failed(operation, id, fingerprint, e);
            throw new SessionStoreException("session store " + storeName + " failed on " + operation
                    + " for session " + fingerprint + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** An INFO line about one session; {@code {}} in {@code message} becomes the id's fingerprint. */
    static void info(String message, String id) {
        LOG.info(message, SessionIds.fingerprint(id));
    }

    static void warnUnreadable(String id, String reason) {
        LOG.warn("stored session {} is unreadable ({}); starting a new session", SessionIds.fingerprint(id), reason);
    }
}
