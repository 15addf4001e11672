package dev.cloakroom.testkit.contract;

import dev.cloakroom.Session;
import dev.cloakroom.SessionContext;
import dev.cloakroom.SessionManager;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.SessionStore;
import dev.cloakroom.StoredSession;
import dev.cloakroom.testkit.DirectExchange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored data Cloakroom cannot read (a document without its cookie object, or not JSON at all)
 * gives the visitor a fresh session instead of an error.
 */
public abstract class CorruptDataTests {

    /** {@return the store under test, fresh for each test} */
    protected abstract SessionStore store();

    /**
     * Overwrites the stored document for {@code id} with {@code raw}; returns false when the store
     * refuses such text by design (a PostgreSQL {@code json} column refuses non-JSON), and the
     * test is then skipped for that input.
     *
     * @param id  the session id
     * @param raw the text to store
     * @return whether the store holds the text now
     */
    protected boolean writeRaw(String id, String raw) {
        store().set(id, new StoredSession(raw, Instant.now().plus(Duration.ofHours(1))));
        return true;
    }

    private SessionManager manager() {
        return new SessionManager(SessionOptions.builder().secret("corrupt data").store(store()).build());
    }

    private void assertFreshSessionAfterStoring(String raw) {
        SessionManager manager = manager();
        DirectExchange first = DirectExchange.withCookie(null);
        SessionContext login = manager.open(first);
        Session original = login.session();
        original.set("user", "ada");
        login.commit();
        String cookie = first.cookieToSendBack();
        org.junit.jupiter.api.Assumptions.assumeTrue(writeRaw(original.id(), raw), "store refuses this text by design");

        SessionContext next = manager.open(DirectExchange.withCookie(cookie));
        Session session = next.session();
        assertThat(session.isNew()).isTrue();
        assertThat(session.id()).isNotEqualTo(original.id());
        assertThat(session.has("user")).isFalse();
        next.commit();
    }

    @Test
    void aDocumentWithoutItsCookieObjectStartsAFreshSession() {
        assertFreshSessionAfterStoring("{\"user\":\"mallory\"}");
    }

    @Test
    void aDocumentThatIsNotJsonStartsAFreshSession() {
        assertFreshSessionAfterStoring("{not json");
    }

    @Test
    void aCookieObjectOfTheWrongShapeStartsAFreshSession() {
        assertFreshSessionAfterStoring("{\"cookie\":{\"expires\":\"yesterday\"},\"user\":\"mallory\"}");
    }
}
