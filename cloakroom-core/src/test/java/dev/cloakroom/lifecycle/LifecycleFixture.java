package dev.cloakroom.lifecycle;

import dev.cloakroom.Session;
import dev.cloakroom.SessionContext;
import dev.cloakroom.SessionManager;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.StoredSession;
import dev.cloakroom.internal.CookieSigner;
import dev.cloakroom.internal.UriComponent;
import org.junit.jupiter.api.AfterEach;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Drives {@link SessionManager} the way an adapter does: open, run a handler, commit. Each test
 * class configures the manager with {@link #configure}; the default is express-session's
 * recommended {@code resave=false, saveUninitialized=false}.
 */
abstract class LifecycleFixture {

    static final String SECRET = "keyboard cat";

    final CountingStore store = new CountingStore();
    SessionManager manager = manager(b -> { });

    @AfterEach
    void closeStore() {
        store.delegate.close();
    }

    SessionManager manager(Consumer<SessionOptions.Builder> customizer) {
        SessionOptions.Builder b = SessionOptions.builder().secret(SECRET).store(store);
        customizer.accept(b);
        return new SessionManager(b.build());
    }

    void configure(Consumer<SessionOptions.Builder> customizer) {
        manager = manager(customizer);
    }

    /** The Set-Cookie headers one request produced. */
    record Response(List<String> setCookies) {

        /** The {@code name=value} part of the only Set-Cookie header, ready to send back as a Cookie header. */
        String cookie() {
            if (setCookies.size() != 1) {
                throw new AssertionError("expected one Set-Cookie header, got " + setCookies);
            }
            String header = setCookies.get(0);
            int semi = header.indexOf(';');
            return semi < 0 ? header : header.substring(0, semi);
        }
    }

    Response request(TestExchange exchange, Consumer<SessionContext> handler) {
        SessionContext context = manager.open(exchange);
        handler.accept(context);
        context.commit();
        return new Response(List.copyOf(exchange.setCookies));
    }

    /** A request to {@code /} carrying {@code cookie} (may be null) whose handler works on its session. */
    Response withSession(String cookie, Consumer<Session> handler) {
        return request(TestExchange.to("/").cookie(cookie), context -> handler.accept(context.session()));
    }

    /** The cookie express-session would send for {@code id}. */
    static String cookieFor(String id) {
        return "connect.sid=" + UriComponent.encode("s:" + CookieSigner.ofStrings(List.of(SECRET)).sign(id));
    }

    /** Creates a stored session through a request, then zeroes the call counts. Returns its id. */
    String seed(Consumer<Session> handler) {
        String[] id = new String[1];
        withSession(null, s -> {
            handler.accept(s);
            id[0] = s.id();
        });
        assertStored(id[0]);
        store.resetCounts();
        return id[0];
    }

    /** Stores {@code json} under {@code id} directly, then zeroes the call counts. */
    void storeRaw(String id, String json) {
        store.delegate.set(id, new StoredSession(json, null));
        store.resetCounts();
    }

    Optional<String> storedJson(String id) {
        return store.delegate.get(id).map(StoredSession::json);
    }

    void assertStored(String id) {
        if (store.delegate.get(id).isEmpty()) {
            throw new AssertionError("session " + id + " is not in the store");
        }
    }
}
