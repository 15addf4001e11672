package dev.cloakroom.lifecycle;

import dev.cloakroom.SessionStoreException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@ExtendWith(NoSessionIdInLogs.class)
class FailureTest extends LifecycleFixture {

    private static final String ID = "Xk3fH2v9QmLw0pZs7RtYbNc4AeUjGdKo";

    /** A record that knows only part of what a Node app (or a newer version of this one) stored. */
    record User(String name) {
    }

    @Nested
    class WhenTheStoredJsonIsCorrupt {

        @Test
        void startsAFreshSessionWithoutAnException() {
            storeRaw(ID, "{not json");
            String[] seen = new String[1];
            Response r = withSession(cookieFor(ID), s -> {
                assertThat(s.isNew()).isTrue();
                assertThat(s.keys()).isEmpty();
                s.set("user", "a");
                seen[0] = s.id();
            });
            assertThat(seen[0]).isNotEqualTo(ID);
            assertThat(r.cookie()).isEqualTo(cookieFor(seen[0]));
        }

        @Test
        void startsAFreshSessionWhenTheCookieObjectIsMissing() {
            storeRaw(ID, "{\"user\":{\"name\":\"a\"}}");
            withSession(cookieFor(ID), s -> assertThat(s.isNew()).isTrue());
        }
    }

    @Nested
    class WhenTheStoreFails {

        @Test
        void throwsSessionStoreExceptionWithoutTheSessionIdAnywhereInItsChain() {
            store.failing = true;
            Throwable thrown;
            String log;
            try (ConsoleCopy console = new ConsoleCopy()) {
                thrown = catchThrowable(() -> withSession(cookieFor(ID), s -> { }));
                log = console.text();
            }
            assertThat(thrown).isInstanceOf(SessionStoreException.class);
            assertThat(thrown.getCause()).as("the store's own exception, which may quote the id, is not kept").isNull();
            assertThat(everything(thrown)).doesNotContain(ID).contains(fingerprint(ID)).contains("get");
            assertOneWarnNaming(log, ID);
        }

        @Test
        void throwsFromCommitWhenTheSaveFails() {
            String[] id = new String[1];
            Throwable thrown;
            String log;
            try (ConsoleCopy console = new ConsoleCopy()) {
                thrown = catchThrowable(() -> withSession(null, s -> {
                    id[0] = s.id();
                    s.set("user", "a");
                    store.failing = true;
                }));
                log = console.text();
            }
            assertThat(thrown).isInstanceOf(SessionStoreException.class);
            assertThat(everything(thrown)).doesNotContain(id[0]).contains(fingerprint(id[0]));
            assertOneWarnNaming(log, id[0]);
        }

        @Test
        void theWarnLineCarriesTheCauseMessagesWithTheIdReplacedByItsFingerprint() {
            store.failing = true;
            String log;
            try (ConsoleCopy console = new ConsoleCopy()) {
                catchThrowable(() -> withSession(cookieFor(ID), s -> { }));
                log = console.text();
            }
            assertThat(log).contains("connection refused while handling session " + fingerprint(ID))
                    .contains("no such key sess:" + fingerprint(ID))
                    .doesNotContain(ID);
        }

        private static void assertOneWarnNaming(String log, String id) {
            assertThat(log).doesNotContain(id);
            assertThat(log.lines().filter(l -> l.contains("WARN") && l.contains(fingerprint(id))))
                    .as("WARN lines naming the session's fingerprint in:%n%s", log).hasSize(1);
        }
    }

    /**
     * What a logger prints for {@code t}: its stack trace with every cause and suppressed exception,
     * and each message read directly. A copy of the testkit's {@code Leaks.text}, which core's own
     * tests cannot use (the testkit depends on core).
     */
    static String everything(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            out.append('\n').append(String.valueOf(c.getMessage()));
            for (Throwable s : c.getSuppressed()) {
                out.append('\n').append(everything(s));
            }
        }
        return out.toString();
    }

    /** Computed here, not with Cloakroom's own code, so the test does not trust what it checks. */
    static String fingerprint(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Nested
    class WhenAStoredValueHasFieldsTheRecordDoesNotKnow {

        private static final String STORED = "{\"cookie\":{\"originalMaxAge\":null,\"expires\":null,\"httpOnly\":true,"
                + "\"path\":\"/\"},\"user\":{\"name\":\"a\",\"role\":\"admin\"},\"visits\":1}";

        @Test
        void keepsThemWhenTheValueIsReadAndAnotherChanges() {
            storeRaw(ID, STORED);
            withSession(cookieFor(ID), s -> {
                assertThat(s.get("user", User.class)).contains(new User("a"));
                s.set("visits", 2);
            });
            assertThat(store.sets.get()).isOne();
            assertThat(storedJson(ID)).hasValueSatisfying(json -> assertThat(json)
                    .contains("\"user\":{\"name\":\"a\",\"role\":\"admin\"}")
                    .contains("\"visits\":2"));
        }

        @Test
        void doesNotSaveWhenOnlyRead() {
            storeRaw(ID, STORED);
            withSession(cookieFor(ID), s -> s.get("user", User.class));
            assertThat(store.sets.get()).isZero();
            assertThat(storedJson(ID)).hasValueSatisfying(json -> assertThat(json).contains("\"role\":\"admin\""));
        }
    }
}
