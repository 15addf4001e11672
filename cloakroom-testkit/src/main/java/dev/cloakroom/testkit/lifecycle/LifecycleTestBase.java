package dev.cloakroom.testkit.lifecycle;

import dev.cloakroom.MemoryStore;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.StoredSession;
import dev.cloakroom.testkit.AdapterHarness;
import dev.cloakroom.testkit.InstrumentedStore;
import dev.cloakroom.testkit.NoSessionIdInLogs;
import dev.cloakroom.testkit.RunningServer;
import dev.cloakroom.testkit.TestRoutes;
import dev.cloakroom.testkit.http.HttpCaller;
import dev.cloakroom.testkit.http.SetCookie;
import dev.cloakroom.testkit.http.SignedCookies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What every lifecycle group shares: a fresh counting store around a real {@link MemoryStore} per
 * test, options with express-session's test secret, and servers that are stopped after the test.
 * Groups extend this; {@link dev.cloakroom.testkit.SessionLifecycleSuite} binds each group to
 * the adapter under test through {@link #harness()}.
 */
public abstract class LifecycleTestBase {

    /** The secret express-session's own tests use, and the one the cookie vectors are signed with. */
    protected static final String SECRET = "keyboard cat";
    /** The cookie name every test uses: express-session's default. */
    protected static final String NAME = "connect.sid";

    /** The real store; reading it directly does not move the counters. */
    protected MemoryStore memory;
    /** The store the servers use: counts calls, can delay writes or fail. */
    protected InstrumentedStore store;
    private final List<RunningServer> servers = new ArrayList<>();

    /** {@return the harness that starts the adapter under test} */
    protected abstract AdapterHarness harness();

    @BeforeEach
    void freshStore() {
        NoSessionIdInLogs.requireWatching();
        memory = new MemoryStore();
        store = new InstrumentedStore(memory);
    }

    @AfterEach
    void stopServers() {
        for (RunningServer server : servers) {
            server.close();
        }
        servers.clear();
        memory.close();
    }

    /** {@return the options every test starts from: the test secret and the counting store, everything else default} */
    protected SessionOptions.Builder options() {
        return SessionOptions.builder().secret(SECRET).store(store);
    }

    /**
     * {@return a client for a server started with {@code options} built}
     *
     * @param options the options, built here
     * @param routes  what the server answers
     */
    protected HttpCaller start(SessionOptions.Builder options, TestRoutes routes) {
        return start(options.build(), routes);
    }

    /**
     * Starts a server on the adapter under test; it is stopped after the test.
     *
     * @param options the session handling
     * @param routes  what the server answers
     * @return a client for it
     */
    protected HttpCaller start(SessionOptions options, TestRoutes routes) {
        return startWith(harness -> harness.start(options, routes));
    }

    /**
     * As {@link #start(SessionOptions, TestRoutes)}, with the application mounted at
     * {@code mountPath}; the test is skipped when the harness cannot mount.
     *
     * @param mountPath the context path, such as {@code /foo}
     * @param options   the options, built here
     * @param routes    what the server answers
     * @return a client for it, whose paths include the mount
     */
    protected HttpCaller startMountedAt(String mountPath, SessionOptions.Builder options, TestRoutes routes) {
        return startWith(harness -> harness.startMountedAt(mountPath, options.build(), routes));
    }

    /**
     * As {@link #start(SessionOptions, TestRoutes)}, with the session layer registered twice;
     * the test is skipped when the framework refuses that.
     *
     * @param first  the options of the outer registration, built here
     * @param second the options of the inner registration, built here
     * @param routes what the server answers
     * @return a client for it
     */
    protected HttpCaller startRegisteredTwice(SessionOptions.Builder first, SessionOptions.Builder second, TestRoutes routes) {
        return startWith(harness -> harness.startRegisteredTwice(first.build(), second.build(), routes));
    }

    private interface Starter {
        RunningServer start(AdapterHarness harness) throws Exception;
    }

    private HttpCaller startWith(Starter starter) {
        RunningServer server;
        try {
            server = starter.start(harness());
        } catch (UnsupportedOperationException e) {
            server = Assumptions.abort(e.getMessage());
        } catch (Exception e) {
            throw new IllegalStateException("the harness could not start a server", e);
        }
        servers.add(server);
        return new HttpCaller(server.baseUri());
    }

    /**
     * {@return the session as the store holds it now, read without counting}
     *
     * @param id the session id
     */
    protected Optional<StoredSession> stored(String id) {
        return memory.get(id);
    }

    /**
     * {@return the session a cookie names, as the store holds it now, read without counting}
     *
     * @param cookie a {@code Set-Cookie} the server sent
     */
    protected Optional<StoredSession> stored(SetCookie cookie) {
        return stored(SignedCookies.idOf(cookie));
    }

    /**
     * {@return the session id inside a {@code Set-Cookie}}
     *
     * @param cookie the parsed header
     */
    protected static String idOf(SetCookie cookie) {
        return SignedCookies.idOf(cookie);
    }

    /** {@return the store's {@code get} calls so far} */
    protected long gets() {
        return store.gets();
    }

    /** {@return the store's {@code set} and {@code replace} calls so far} */
    protected long sets() {
        return store.sets();
    }

    /** {@return the store's {@code touch} calls so far} */
    protected long touches() {
        return store.touches();
    }

    /** {@return the store's {@code destroy} calls so far} */
    protected long destroys() {
        return store.destroys();
    }
}
