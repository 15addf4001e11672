package dev.cloakroom.internal;

import tools.jackson.databind.node.ObjectNode;
import dev.cloakroom.CookieOptions;
import dev.cloakroom.Session;
import dev.cloakroom.SessionContext;
import dev.cloakroom.SessionExchange;
import dev.cloakroom.SessionGoneException;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.StoredSession;
import dev.cloakroom.TouchedSession;
import dev.cloakroom.UnreadableSessionException;
import dev.cloakroom.UnsetAction;

import java.time.Instant;
import java.util.Optional;

/**
 * One request's session lifecycle, following express-session's rules for when to save, touch and
 * send the cookie ({@code CommitPlan}), with two differences: the store is read lazily, and the work
 * happens in {@link #commit()}, which adapters call before the response is committed.
 */
public final class RequestContext implements SessionContext {

    private final SessionEngine engine;
    private final SessionOptions options;
    private final SessionExchange exchange;
    /** The verified id the request's cookie carried, or null; read on first need. */
    private String cookieId;
    private boolean pathMatches;
    private boolean cookieRead;
    /** Header transport: the client's token was signed with an older secret, so it is issued again, signed with the first. */
    private boolean tokenNeedsResigning;
    /** Header transport: the session the client's token names was destroyed here, so the client is told to forget it. */
    private boolean tokenDead;

    private SessionState session;
    private boolean lookedUp;

    /*
     * What commit() compares the session with. Each snapshot is immutable and is replaced whole;
     * a loaded tree is also shared with other requests that read the same text (SharedDecodes):
     *   arrival          - how the session entered the request: did the handler change it?
     *   saved            - what this request regards as stored: is a save still owed?
     *   inStore          - the store's document as last read or written, null while the id was never
     *                      stored: what a compare-and-set expects
     *   commits.atFirst  - what the first commit saw: did anything change after it?
     */
    private Arrival arrival;
    private Saved saved = Saved.OWED;
    private StoreCopy inStore;
    /** Whether the loaded session's expiry still has to be written at commit. */
    final TouchPlan touches;
    private final Commits commits = new Commits();
    private final OwedEvents owedEvents;

    RequestContext(SessionEngine engine, SessionExchange exchange) {
        this.engine = engine;
        this.options = engine.options;
        this.exchange = exchange;
        this.touches = new TouchPlan(options.touchAfter());
        this.owedEvents = new OwedEvents(engine.events);
    }

    /** Checks the path and the cookie signature once, when a handler first asks for its session. */
    private void readCookie() {
        if (cookieRead) {
            return;
        }
        cookieRead = true;
        if (engine.tokens != null) {
            // No cookie, so no cookie path: every request may have a session.
            pathMatches = true;
            Optional<CookieSigner.Verified> token = engine.tokens.read(exchange);
            cookieId = token.map(CookieSigner.Verified::value).orElse(null);
            tokenNeedsResigning = token.map(t -> t.key() > 0).orElse(false);
            return;
        }
        String path = exchange.path();
        pathMatches = CookiePaths.matches(options.cookieFor(exchange).path(), path);
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
        Instant now = engine.clock.instant();
        Instant touchTo = TouchPlan.defaultExpiry(options.cookieFor(exchange), engine.timeouts, now);
        Optional<TouchedSession> read = engine.read(cookieId, touchTo);
        if (read.isEmpty()) {
            return;
        }
        StoredSession stored = read.get().session();
        if (stored.isExpiredAt(now)) {
            // Stores should return nothing for an expired session; one that did is not brought back.
            engine.events.expiredOnRead(cookieId);
            return;
        }
        SessionCodec.Decoded decoded = decodeOrWarn(cookieId, stored);
        if (decoded == null) {
            return;
        }
        Instant created = Sidecar.read(decoded.attributes().get(Sidecar.KEY)).created();
        if (engine.timeouts.isOver(created, now)) {
            // Past its absolute end: gone, as an expired session is, whatever TTL a Node touch gave it.
            SessionEngine.info("session {} reached its absoluteTimeout; destroying it and starting a new session", cookieId);
            engine.destroy(cookieId);
            return;
        }
        if (Sidecar.isRetired(decoded.attributes())) {
            return;
        }
        touches.loaded(engine.timeouts, stored.expires(), decoded.cookie(), now);
        session = new SessionState(this, engine.values, cookieId, false, named(decoded.cookie()), decoded.attributes());
        // The session takes the tree's values, which nothing changes in place, so arrival shares the tree.
        arrive(cookieId, stored.json(), decoded.attributes(), decoded.cookie().shape());
        // After arrival, so a repaired attribute counts as a change to the cookie and is saved.
        StoredCookieCheck.repair(session.cookie, this::freshCookie, cookieId);
        if (created == null && engine.timeouts.needsCreated()) {
            // Another app (express-session) made this session and recorded no creation time: the
            // absolute limit counts from now, the first time Cloakroom sees it, and the time is saved.
            session.stampCreated(now);
        }
        if (read.get().touched()) {
            touches.touchedOnRead(touchTo, expiresAt(session, now));
        }
    }

    /**
     * The stored document decoded, with the store's expiry taken as the cookie's, or null when it
     * is unreadable, which is logged. The store's expiry is the live one (a TTL refresh does not
     * rewrite the document); a browser-session cookie stays one even though the store keeps it for
     * a default period. With an idle limit the store's expiry is not the cookie's.
     */
    private SessionCodec.Decoded decodeOrWarn(String id, StoredSession stored) {
        SessionCodec.Decoded decoded;
        try {
            decoded = engine.decode(id, stored.json());
        } catch (UnreadableSessionException e) {
            SessionEngine.warnUnreadable(id, e.getMessage());
            return null;
        }
        if (!engine.timeouts.hasIdle() && stored.expires() != null && decoded.cookie().expires != null) {
            decoded.cookie().expires = stored.expires();
        }
        return decoded;
    }

    /** The session {@code id} entered the request holding {@code attributes}, stored as {@code json}. */
    private void arrive(String id, String json, ObjectNode attributes, CookieState.Shape cookie) {
        arrival = new Arrival(id, attributes, cookie);
        saved = Saved.atLoad(arrival, options.resave());
        inStore = StoreCopy.loaded(json, attributes);
    }

    private void generate() {
        String id = newId();
        ObjectNode attributes = Sidecar.freshAttributes(engine.clock.instant());
        session = new SessionState(this, engine.values, id, true, freshCookie(), attributes);
        arrival = new Arrival(id, attributes.deepCopy(), session.cookie.shape());
        saved = Saved.OWED;
        inStore = null;
        owedEvents.generated();
    }

    /**
     * A new id for {@code s}; the old one is retired by compare-and-set, so when two requests
     * renew one session at once, the one that loses gets a {@link SessionGoneException} and this
     * request has no session any more, as after {@link #destroy}.
     */
    void regenerate(SessionState s, boolean keepData) {
        if (inStore != null) {
            if (!engine.writer.retire(s.id, inStore, s.cookie)) {
                drop(s);
                throw new SessionGoneException("the session was renewed or destroyed by another request");
            }
            tokenDead |= s.id.equals(cookieId);
            owedEvents.regenerated(s.id, keepData);
        }
        String id = newId();
        inStore = null;
        if (keepData) {
            s.id = id;
        } else {
            s.replace(id, true, freshCookie(), Sidecar.freshAttributes(engine.clock.instant()));
        }
    }

    /** Applies the {@code reservedNames} option to an attribute name about to be set. */
    void checkAttributeName(String key) {
        engine.reservedNames.check(key);
    }

    /** After this the request has no session; a later {@link #session()} starts a new one. */
    void destroy(SessionState s) {
        engine.destroy(s.id);
        tokenDead |= s.id.equals(cookieId);
        owedEvents.ended(s.id, "destroy", inStore != null);
        drop(s);
    }

    private void drop(SessionState s) {
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
        SessionCodec.Decoded decoded = decodeOrWarn(s.id, stored.get());
        if (decoded == null) {
            throw new SessionGoneException("the stored session is unreadable");
        }
        if (Sidecar.isRetired(decoded.attributes())) {
            throw new SessionGoneException("the session is being renewed by another request");
        }
        if (engine.timeouts.isOver(Sidecar.read(decoded.attributes().get(Sidecar.KEY)).created(), engine.clock.instant())) {
            // As at load: past its absolute end the session is gone, even if the store still keeps it.
            SessionEngine.info("session {} reached its absoluteTimeout during the request; destroying it", s.id);
            engine.destroy(s.id);
            throw new SessionGoneException("the session reached its absolute timeout");
        }
        s.replace(s.id, s.isNew, named(decoded.cookie()), decoded.attributes());
        ObjectNode loaded = decoded.attributes().deepCopy();
        if (arrival.hasId(s.id)) {
            arrive(s.id, stored.get().json(), loaded, decoded.cookie().shape());
        } else {
            inStore = StoreCopy.loaded(stored.get().json(), loaded);
        }
        StoredCookieCheck.repair(s.cookie, this::freshCookie, s.id);
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
        Instant expires = limitExpiry(s);
        if (inStore == null) {
            String json = engine.codec.encode(s.cookie, tree);
            engine.writer.checkSize(json);
            engine.set(s.id, new StoredSession(json, expires));
            inStore = StoreCopy.loaded(json, tree);
            owedEvents.stored(s.id);
        } else {
            Optional<StoreCopy> written = engine.writer.write(s.id, inStore, tree, s.cookie, expires, s.reads());
            if (written.isEmpty()) {
                SessionEngine.info("session {} was destroyed by another request; its changes here are dropped", s.id);
                return false;
            }
            inStore = written.get();
        }
        saved = new Saved(tree, s.cookie.shape());
        s.touchRequested = false;
        return true;
    }

    /**
     * Saves, touches and sends the cookie as {@code CommitPlan} decides. A later call, once the
     * response may be gone, only saves what changed since ({@link #commitAgain()}); while the
     * exchange says headers are still open (an error page after {@code sendError}), it follows these
     * rules again, without a second cookie for the same id or a second touch.
     */
    @Override
    public void commit() {
        if (commits.done && !exchange.headersStillOpen()) {
            commitAgain();
            return;
        }
        commits.done = true;
        commitFirst();
        if (engine.tokens != null && tokenDead && commits.cookieSentFor == null) {
            engine.tokens.forget(exchange);
        }
    }

    private void commitFirst() {
        if (session == null) {
            return;
        }
        if (!session.isLive()) {
            commitUnset();
            return;
        }
        session.cookie.resetMaxAge();
        Instant storeExpires = limitExpiry(session);
        String id = session.id;
        boolean arrived = arrival.hasId(id);
        ObjectNode tree = session.valuesUntouched() && arrived ? arrival.attributes() : session.tree();
        commits.atFirst = tree;
        commits.editsAtFirst = session.editMark();
        CommitPlan plan = plan(arrived, tree, storeExpires);
        if (plan.cookie() == CommitPlan.Cookie.WITHHELD) {
            engine.warnSecureCookieOverPlainHttp(exchange.header("X-Forwarded-Proto"));
        }
        if (plan.save() && !write(session, tree)) {
            return;
        }
        if (plan.touch()) {
            // The document is unchanged; only the expiry moves, so there is nothing to serialize.
            engine.touch(id, new StoredSession(inStore.json(), storeExpires));
            commits.touched = true;
            session.touchRequested = false;
        }
        if (plan.cookie() == CommitPlan.Cookie.SEND) {
            sendCookie(id);
        }
    }

    /** The facts the first commit decides on, taken from the session and the snapshots it is compared with. */
    private CommitPlan plan(boolean arrived, ObjectNode tree, Instant storeExpires) {
        String id = session.id;
        boolean valuesChanged = arrival.valuesDiffer(tree);
        CookieState.Shape cookieNow = session.cookie.shape();
        CommitPlan.Facts facts = new CommitPlan.Facts(
                id.equals(cookieId),
                !arrived,
                valuesChanged,
                !session.isNew && arrival.cookieDiffers(cookieNow),
                saved.isOwed(),
                arrived && saved.isSavedAs(tree, cookieNow, arrival, valuesChanged),
                session.cookie.expires != null,
                !commits.touched && touches.needed(storeExpires, session.touchRequested));
        CommitPlan.Delivery delivery = new CommitPlan.Delivery(
                engine.tokens != null,
                tokenNeedsResigning,
                engine.tokens == null && session.cookie.secure && !isSecureRequest(),
                id.equals(commits.cookieSentFor));
        return CommitPlan.decide(new CommitPlan.Rules(options.saveUninitialized(), options.rolling()), facts, delivery);
    }

    /** A session the handler unset: with {@code unset=destroy} its stored entry goes, once. */
    private void commitUnset() {
        if (session.unset && options.unset() == UnsetAction.DESTROY && !commits.unsetDestroyed) {
            engine.destroy(session.id);
            owedEvents.ended(session.id, "unset", inStore != null);
            commits.unsetDestroyed = true;
            tokenDead |= session.id.equals(cookieId);
        }
    }

    private void sendCookie(String id) {
        if (engine.tokens != null) {
            engine.tokens.issue(exchange, id);
        } else {
            exchange.addSetCookie(engine.setCookie(id, session.cookie));
            keepOutOfSharedCaches();
        }
        commits.cookieSentFor = id;
    }

    /**
     * A commit after the first one: the response may be gone, so no cookie, but changes made since
     * (or to a session first loaded after the first commit) still reach the store.
     */
    private void commitAgain() {
        if (session == null || !session.isLive()) {
            return;
        }
        if (!session.id.equals(cookieId) && !session.id.equals(commits.cookieSentFor)) {
            // No cookie names this session and none can be sent any more: storing it would
            // only leave an orphan until its expiry.
            return;
        }
        if (commits.atFirst != null && session.writesAsAt(commits.editsAtFirst, commits.atFirst)) {
            return; // nothing the first commit saw can have changed: no tree to build and compare
        }
        ObjectNode tree = session.tree();
        ObjectNode baseline = commits.atFirst != null ? commits.atFirst
                : arrival.hasId(session.id) ? arrival.attributes() : null;
        if (baseline == null || !JsonEquality.same(baseline, tree)) {
            write(session, tree);
        }
        commits.atFirst = tree;
        commits.editsAtFirst = session.editMark();
    }

    @Override
    public void answeredUnavailable() {
        engine.observation.unavailable();
    }

    @Override
    public void clearCookie() {
        if (engine.tokens != null) {
            engine.tokens.forget(exchange);
            return;
        }
        CookieState cookie = session != null ? session.cookie : freshCookie();
        exchange.addSetCookie(SetCookieWriter.clear(options.name(), cookie));
        keepOutOfSharedCaches();
    }

    private void keepOutOfSharedCaches() {
        if (options.cacheControl()) {
            CacheHeaders.markPrivate(exchange);
        }
    }

    /** The absolute end of {@code s}, or null. */
    Instant deadline(SessionState s) {
        return engine.timeouts.deadline(s.created().orElse(null));
    }

    /** When {@code s} ends if unused after now: what the store would be given, or null for the store's default. */
    Instant expiresAt(SessionState s) {
        return expiresAt(s, engine.clock.instant());
    }

    private Instant expiresAt(SessionState s, Instant now) {
        return engine.timeouts.expiresIfUnused(s.cookie, deadline(s), now);
    }

    /** Caps the cookie's expiry at the absolute deadline ({@link Timeouts#limit}); returns the expiry to give the store. */
    private Instant limitExpiry(SessionState s) {
        return engine.timeouts.limit(s.cookie, deadline(s), engine.clock.instant());
    }

    private String newId() {
        String id = options.newId(exchange);
        if (id == null || id.isEmpty()) {
            throw new IllegalStateException("genid returned an empty session id");
        }
        engine.checkNewId(id);
        return id;
    }

    private CookieState freshCookie() {
        CookieOptions settings = options.cookieFor(exchange);
        engine.checkCookieSettings(settings);
        return named(CookieState.fresh(engine.clock, settings, isSecureRequest()));
    }

    /** Lets the cookie refuse a handler's change its name's prefix forbids; a header token has no such rule. */
    private CookieState named(CookieState cookie) {
        cookie.name = engine.tokens == null ? options.name() : null;
        return cookie;
    }

    private boolean isSecureRequest() {
        return SecureRequests.isSecure(exchange, options.proxy());
    }
}
