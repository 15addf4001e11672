package dev.cloakroom.internal;

import tools.jackson.databind.node.ObjectNode;
import dev.cloakroom.Session;
import dev.cloakroom.SessionContext;
import dev.cloakroom.SessionExchange;
import dev.cloakroom.SessionGoneException;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.StoredSession;
import dev.cloakroom.UnreadableSessionException;
import dev.cloakroom.UnsetAction;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * One request's session lifecycle, following express-session's rules for when to save, touch and
 * send the cookie (its {@code shouldSave}, {@code shouldTouch} and {@code shouldSetCookie}), with
 * two differences: the store is read lazily, and the work happens in {@link #commit()}, which
 * adapters call before the response is committed.
 */
public final class RequestContext implements SessionContext {

    private final SessionEngine engine;
    private final SessionOptions options;
    private final SessionExchange exchange;
    /** The verified id the request's cookie carried, or null; read on first need. */
    private String cookieId;
    private boolean pathMatches;
    private boolean cookieRead;

    private SessionState session;
    private boolean lookedUp;
    /** The id and attributes the session had when it entered this request (express's originalId / originalHash). */
    private String originalId;
    private ObjectNode originalTree;
    /** The attributes as last written to the store in this request, or as loaded when resave is off. */
    private ObjectNode savedTree;
    /** The stored document as this request last saw or wrote it; null when the id has never been stored. */
    private String storedJson;
    /** The attributes of {@link #storedJson}; they include other requests' changes merged in by a save. */
    private ObjectNode storedTree;
    /** This request's own attributes when {@link #storedJson} was read or written: its changes count from here. */
    private ObjectNode baseTree;
    /** The expiry the store held when loaded, for touch throttling. */
    private Instant loadedExpires;
    private boolean committed;
    /** Whether a commit sent the session cookie, and for which id. */
    private boolean cookieSent;
    private String cookieSentFor;
    /** Whether a commit already moved the stored expiry, or deleted an unset session; once per request is enough. */
    private boolean touched;
    private boolean unsetDestroyed;
    /** The attributes at the first commit, to spot changes made after it. */
    private ObjectNode committedTree;

    RequestContext(SessionEngine engine, SessionExchange exchange) {
        this.engine = engine;
        this.options = engine.options;
        this.exchange = exchange;
    }

    /** Checks the path and the cookie signature once, when a handler first asks for its session. */
    private void readCookie() {
        if (cookieRead) {
            return;
        }
        cookieRead = true;
        String path = exchange.path();
        pathMatches = path != null && path.startsWith(options.cookieFor(exchange).path());
        cookieId = pathMatches ? engine.reader.read(exchange.headers("Cookie")).orElse(null) : null;
    }

    @Override
    public boolean hasSignedCookie() {
        readCookie();
        return cookieId != null;
    }

    @Override
    public Session session() {
        readCookie();
        if (!pathMatches) {
            throw new IllegalStateException("no session outside the cookie path " + options.cookieFor(exchange).path()
                    + ": the browser would never send the cookie back here");
        }
        lookUp();
        if (session == null) {
            generate();
        }
        return session;
    }

    @Override
    public Optional<Session> existing() {
        readCookie();
        if (!pathMatches) {
            return Optional.empty();
        }
        lookUp();
        return Optional.ofNullable(session);
    }

    private void lookUp() {
        if (lookedUp) {
            return;
        }
        lookedUp = true;
        if (cookieId == null) {
            return;
        }
        Optional<StoredSession> stored = engine.get(cookieId);
        if (stored.isEmpty()) {
            return;
        }
        SessionCodec.Decoded decoded;
        try {
            decoded = engine.codec.decode(stored.get().json(), engine.clock);
        } catch (UnreadableSessionException e) {
            SessionEngine.warnUnreadable(cookieId, e.getMessage());
            return;
        }
        // The store's expiry is the live one (a TTL refresh does not rewrite the document); a
        // browser-session cookie stays one even though the store keeps it for a default period.
        if (stored.get().expires() != null && decoded.cookie().expires != null) {
            decoded.cookie().expires = stored.get().expires();
        }
        loadedExpires = decoded.cookie().expires;
        session = new SessionState(this, engine.values, cookieId, false, decoded.cookie(), decoded.attributes());
        originalId = cookieId;
        originalTree = decoded.attributes().deepCopy();
        savedTree = options.resave() ? null : originalTree;
        remember(stored.get().json(), originalTree, originalTree);
    }

    /** Records what the store now holds for the session and this request's view at that moment. */
    private void remember(String json, ObjectNode stored, ObjectNode base) {
        storedJson = json;
        storedTree = stored;
        baseTree = base;
    }

    private void generate() {
        String id = newId();
        ObjectNode attributes = Sidecar.freshAttributes(engine.clock.instant());
        session = new SessionState(this, engine.values, id, true, freshCookie(), attributes);
        originalId = id;
        originalTree = attributes.deepCopy();
        savedTree = null;
        remember(null, null, null);
    }

    private String newId() {
        String id = options.newId(exchange);
        if (id == null || id.isEmpty()) {
            throw new IllegalStateException("genid returned an empty session id");
        }
        return id;
    }

    private CookieState freshCookie() {
        return CookieState.fresh(engine.clock, options.cookieFor(exchange), isSecureRequest());
    }

    /** express-session's issecure(): TLS, or with proxy=true the first X-Forwarded-Proto value. */
    boolean isSecureRequest() {
        if (exchange.isSecure()) {
            return true;
        }
        if (!Boolean.TRUE.equals(options.proxy())) {
            return false;
        }
        String header = exchange.header("X-Forwarded-Proto");
        if (header == null) {
            return false;
        }
        int comma = header.indexOf(',');
        String proto = (comma >= 0 ? header.substring(0, comma) : header).trim().toLowerCase(Locale.ROOT);
        return proto.equals("https");
    }

    void regenerate(SessionState s, boolean keepData) {
        if (storedJson != null) {
            engine.destroy(s.id);
        }
        String id = newId();
        remember(null, null, null);
        if (keepData) {
            s.id = id;
        } else {
            s.replace(id, true, freshCookie(), Sidecar.freshAttributes(engine.clock.instant()));
        }
    }

    /** After this the request has no session; a later {@link #session()} starts a new one. */
    void destroy(SessionState s) {
        engine.destroy(s.id);
        s.destroyed = true;
        if (session == s) {
            session = null;
        }
    }

    void reload(SessionState s) {
        Optional<StoredSession> stored = engine.get(s.id);
        if (stored.isEmpty()) {
            throw new SessionGoneException("the session is no longer in the store");
        }
        SessionCodec.Decoded decoded;
        try {
            decoded = engine.codec.decode(stored.get().json(), engine.clock);
        } catch (UnreadableSessionException e) {
            SessionEngine.warnUnreadable(s.id, e.getMessage());
            throw new SessionGoneException("the stored session is unreadable");
        }
        if (stored.get().expires() != null && decoded.cookie().expires != null) {
            decoded.cookie().expires = stored.get().expires();
        }
        s.replace(s.id, s.isNew, decoded.cookie(), decoded.attributes());
        if (s.id.equals(originalId)) {
            originalTree = decoded.attributes().deepCopy();
            savedTree = options.resave() ? null : originalTree;
        }
        ObjectNode loaded = decoded.attributes().deepCopy();
        remember(stored.get().json(), loaded, loaded);
    }

    /** {@link Session#save()}: a session destroyed meanwhile by another request is not brought back. */
    void save(SessionState s) {
        if (!write(s, s.tree())) {
            throw new SessionGoneException("the session was destroyed by another request");
        }
    }

    /**
     * Stores the session: a plain write for an id never stored, otherwise a compare-and-set that
     * keeps concurrent requests' changes. Returns false when the session vanished from the store
     * meanwhile; then nothing was written.
     */
    private boolean write(SessionState s, ObjectNode tree) {
        if (storedJson == null) {
            String json = engine.codec.encode(s.cookie, tree);
            engine.set(s.id, new StoredSession(json, s.cookie.expires));
            remember(json, tree, tree);
        } else {
            Optional<ConflictFreeWriter.Written> written = engine.writer.write(s.id, storedJson, storedTree, baseTree, tree, s.cookie);
            if (written.isEmpty()) {
                SessionEngine.info("session {} was destroyed by another request; its changes here are dropped", s.id);
                return false;
            }
            remember(written.get().json(), written.get().attributes(), tree);
        }
        savedTree = tree;
        return true;
    }

    @Override
    public void commit() {
        if (committed && !exchange.headersStillOpen()) {
            commitAgain();
            return;
        }
        committed = true;
        if (session == null) {
            return;
        }
        if (!session.isLive()) {
            if (session.unset && options.unset() == UnsetAction.DESTROY && !unsetDestroyed) {
                engine.destroy(session.id);
                unsetDestroyed = true;
            }
            return;
        }
        session.cookie.resetMaxAge();
        String id = session.id;
        ObjectNode tree = session.valuesUntouched() && id.equals(originalId) ? originalTree : session.tree();
        committedTree = tree;
        boolean valuesChanged = !JsonEquality.same(originalTree, tree);
        boolean modified = !id.equals(originalId) || valuesChanged;
        boolean fromCookie = id.equals(cookieId);

        // express's isSaved; when nothing was written yet the saved state is the loaded one, already compared.
        boolean saved = id.equals(originalId)
                && (savedTree == originalTree ? !valuesChanged : JsonEquality.same(tree, savedTree));
        boolean shouldSave = !options.saveUninitialized() && savedTree == null && !fromCookie ? modified : !saved;
        boolean shouldSetCookie = fromCookie
                ? options.rolling() || (session.cookie.expires != null && modified)
                : options.saveUninitialized() || modified;
        if (session.cookie.secure && !isSecureRequest()) {
            shouldSetCookie = false;
        }

        if (shouldSave && !write(session, tree)) {
            return;
        }
        if (!shouldSave && fromCookie && !touched && !touchThrottled()) {
            // The document is unchanged; only the expiry moves, so there is nothing to serialize.
            engine.touch(id, new StoredSession(storedJson, session.cookie.expires));
            touched = true;
        }
        if (shouldSetCookie && !id.equals(cookieSentFor)) {
            exchange.addSetCookie(engine.setCookie(id, session.cookie));
            cookieSent = true;
            cookieSentFor = id;
        }
    }

    /**
     * A commit after the first one: the response may be gone, so no cookie, but changes made since
     * (or to a session first loaded after the first commit) still reach the store.
     */
    private void commitAgain() {
        if (session == null || !session.isLive()) {
            return;
        }
        if (!session.id.equals(cookieId) && !cookieSent) {
            // No cookie names this session and none can be sent any more: storing it would
            // only leave an orphan until its expiry.
            return;
        }
        ObjectNode tree = session.tree();
        ObjectNode baseline = committedTree != null ? committedTree
                : session.id.equals(originalId) ? originalTree : null;
        if (baseline == null || !JsonEquality.same(baseline, tree)) {
            write(session, tree);
        }
        committedTree = tree;
    }

    private boolean touchThrottled() {
        Duration after = options.touchAfter();
        Instant next = session.cookie.expires;
        if (after.isZero() || loadedExpires == null || next == null) {
            return false;
        }
        return Duration.between(loadedExpires, next).compareTo(after) < 0;
    }

    @Override
    public void clearCookie() {
        CookieState cookie = session != null ? session.cookie : freshCookie();
        exchange.addSetCookie(SetCookieWriter.clear(options.name(), cookie));
    }
}
