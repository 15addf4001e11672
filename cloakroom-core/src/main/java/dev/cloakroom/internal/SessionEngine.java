package dev.cloakroom.internal;

import dev.cloakroom.SessionExchange;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.SessionStore;
import dev.cloakroom.SessionStoreException;
import dev.cloakroom.StoredSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;
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

    public SessionEngine(SessionOptions options, Clock clock) {
        this.options = options;
        this.signer = new CookieSigner(options.secrets());
        this.reader = new SessionCookieReader(options.name(), signer);
        this.codec = new SessionCodec(options.objectMapper());
        this.values = new ValueMapper(codec.mapper(), options.attributeTypes());
        this.clock = clock;
        this.writer = new ConflictFreeWriter(this);
    }

    public SessionOptions options() {
        return options;
    }

    public SessionCodec codec() {
        return codec;
    }

    public RequestContext open(SessionExchange exchange) {
        return new RequestContext(this, exchange);
    }

    /** The {@code Set-Cookie} value for {@code id} with {@code cookie}'s attributes. */
    String setCookie(String id, CookieState cookie) {
        return SetCookieWriter.write(options.name(), "s:" + signer.sign(id), cookie);
    }

    Optional<StoredSession> get(String id) {
        return call("get", id, () -> options.store().get(id));
    }

    void set(String id, StoredSession session) {
        call("set", id, () -> {
            options.store().set(id, session);
            return null;
        });
    }

    boolean replace(String id, String expectedJson, StoredSession session) {
        return call("replace", id, () -> options.store().replace(id, expectedJson, session));
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
     * Runs one store call. A failure is logged once at WARN, naming the session only by
     * fingerprint and carrying the failure's message chain with the id replaced by that
     * fingerprint, then thrown as a fresh {@link SessionStoreException}.
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
        try {
            return call.get();
        } catch (RuntimeException e) {
            String storeName = store.getClass().getSimpleName();
            String fingerprint = SessionIds.fingerprint(id);
            LOG.warn("session store {} failed on {} for session {}: {}", storeName, operation, fingerprint,
                    ScrubbedCauses.of(e, id));
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
