package dev.cloakroom.testkit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import dev.cloakroom.EnumerableSessionStore;
import dev.cloakroom.SessionStore;
import dev.cloakroom.StoredSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * What every {@link SessionStore} must do. A store's test extends this class and supplies
 * {@link #createStore()}; the behaviour groups below then run against it. A store that is
 * {@link AutoCloseable} is closed after each test.
 *
 * <p>Expiry tests wait about 2.5 s of real time, because a store may rely on its server's clock
 * (Redis TTLs, SQL {@code now()}); they poll with generous bounds and never assert on speed.
 */
public abstract class SessionStoreContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@return a fresh, empty store for one test} */
    protected abstract SessionStore createStore();

    /** The store under test, made by {@link #createStore()} before each test. */
    protected SessionStore store;

    /**
     * The ids the listing tests store. On a 3-master Redis Cluster with slots split evenly their
     * keys ({@code sess:id-1} slot 9600, {@code sess:id-2} 5603, {@code sess:id-3} 1474,
     * {@code sess:id-4} 13605) land on every master, so a listing that scans one node fails;
     * the Cluster test checks that against its live topology.
     */
    protected static final List<String> LISTED_IDS = List.of("id-1", "id-2", "id-3", "id-4");

    @BeforeEach
    void openStore() {
        store = createStore();
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /**
     * {@return a document as express-session 1.19 writes it, with a cookie expiring at {@code expires}}
     *
     * @param expires the cookie's expiry
     * @param user    the name stored in its {@code user} attribute
     */
    protected static String expressJson(Instant expires, String user) {
        String when = expires == null ? "null" : "\"" + expires.truncatedTo(ChronoUnit.MILLIS) + "\"";
        return "{\"cookie\":{\"originalMaxAge\":" + (expires == null ? "null" : "60000") + ",\"expires\":" + when
                + ",\"secure\":false,\"httpOnly\":true,\"path\":\"/\",\"sameSite\":\"lax\"},"
                + "\"user\":{\"name\":\"" + user + "\",\"roles\":[\"admin\",\"ünïcødé ✓\"]},\"visits\":3}";
    }

    /**
     * {@return a session holding {@link #expressJson(Instant, String)}, expiring at {@code expires}}
     *
     * @param user    the name stored in its {@code user} attribute
     * @param expires the expiry
     */
    protected static StoredSession session(String user, Instant expires) {
        return new StoredSession(expressJson(expires, user), expires);
    }

    /** {@return a day from now} */
    protected static Instant inOneDay() {
        return Instant.now().plus(Duration.ofDays(1));
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("store returned invalid JSON: " + json, e);
        }
    }

    /**
     * Asserts the store holds {@code expected} under {@code id}: the same string, or JSON-equal.
     *
     * @param id       the session id
     * @param expected the session it must hold
     */
    protected void assertHolds(String id, StoredSession expected) {
        Optional<StoredSession> got = store.get(id);
        assertThat(got).as("session %s", id).isPresent();
        assertThat(tree(got.get().json())).isEqualTo(tree(expected.json()));
    }

    /** Polls until {@code id} is gone, failing after {@code bound}. */
    private void awaitGone(String id, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (store.get(id).isPresent()) {
            assertThat(System.nanoTime()).as("session %s still present after %s", id, bound).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    static List<String> malformedIds() {
        return List.of("", "x".repeat(5 * 1024), "séssion-✓-\uD83D\uDE00", "../", "../../etc/passwd", "*", "sess:*",
                "a b", "a\nb", "%00", "'; DROP TABLE session; --");
    }

    @Nested
    class WhenTheIdIsMissing {

        @Test
        void getReturnsEmpty() {
            assertThat(store.get("never-stored-id")).isEmpty();
        }

        @Test
        void destroyIsNotAnError() {
            assertThatCode(() -> store.destroy("never-stored-id")).doesNotThrowAnyException();
        }

        @Test
        void touchDoesNotCreateIt() {
            store.touch("never-stored-id", session("a", inOneDay()));
            assertThat(store.get("never-stored-id")).isEmpty();
        }
    }

    @Nested
    class WhenTheIdIsMalformed {

        @ParameterizedTest
        @MethodSource("dev.cloakroom.testkit.SessionStoreContract#malformedIds")
        void getReturnsEmptyWithoutAnException(String id) {
            assertThat(store.get(id)).isEmpty();
        }

        @ParameterizedTest
        @MethodSource("dev.cloakroom.testkit.SessionStoreContract#malformedIds")
        void touchAndDestroyDoNotThrow(String id) {
            assertThatCode(() -> {
                store.touch(id, session("a", inOneDay()));
                store.destroy(id);
            }).doesNotThrowAnyException();
        }

        @Test
        void aPatternIdMatchesNoOtherSession() {
            store.set("abc", session("a", inOneDay()));
            assertThat(store.get("*")).isEmpty();
            assertThat(store.get("a*")).isEmpty();
            store.destroy("*");
            store.destroy("a*");
            assertThat(store.get("abc")).isPresent();
        }
    }

    @Nested
    class WhenASessionIsSet {

        @Test
        void getReturnsTheExpressDocument() {
            StoredSession s = session("a", inOneDay());
            store.set("id-1", s);
            assertHolds("id-1", s);
        }

        @Test
        void setReplacesIt() {
            store.set("id-1", session("a", inOneDay()));
            StoredSession second = session("b", inOneDay());
            store.set("id-1", second);
            assertHolds("id-1", second);
        }

        @Test
        void destroyRemovesIt() {
            store.set("id-1", session("a", inOneDay()));
            store.destroy("id-1");
            assertThat(store.get("id-1")).isEmpty();
        }

        /** Why MySQL's {@code sid} column is {@code utf8mb4_bin}: a case-folding collation would merge them. */
        @Test
        void idsDifferingOnlyInCaseAreSeparateSessions() {
            StoredSession lower = session("lower", inOneDay());
            StoredSession upper = session("upper", inOneDay());
            store.set("case-session-id", lower);
            store.set("CASE-Session-ID", upper);
            assertHolds("case-session-id", lower);
            assertHolds("CASE-Session-ID", upper);
            store.destroy("CASE-Session-ID");
            assertHolds("case-session-id", lower);
            assertThat(store.get("CASE-SESSION-ID")).isEmpty();
        }

        @Test
        void otherIdsAreUntouched() {
            StoredSession a = session("a", inOneDay());
            store.set("id-1", a);
            store.set("id-2", session("b", inOneDay()));
            store.destroy("id-2");
            assertHolds("id-1", a);
        }
    }

    @Nested
    class Expiry {

        @Test
        void aSessionThatExpiredIsNotReturned() {
            store.set("past", session("a", Instant.now().minusSeconds(5)));
            assertThat(store.get("past")).isEmpty();
        }

        @Test
        void aSessionIsGoneAfterItsExpiry() throws InterruptedException {
            Instant expires = Instant.now().plusMillis(1500);
            store.set("short", session("a", expires));
            if (Instant.now().isBefore(expires.minusMillis(500))) {
                assertThat(store.get("short")).isPresent();
            }
            Thread.sleep(2500);
            awaitGone("short", Duration.ofSeconds(10));
        }

        @Test
        void aSessionWithoutExpiryIsKept() {
            StoredSession s = session("a", null);
            store.set("browser-session", s);
            assertHolds("browser-session", s);
        }
    }

    @Nested
    class WhenTheStoreCanListItsSessions {

        private EnumerableSessionStore enumerable() {
            assumeThat(store).as("store is enumerable").isInstanceOf(EnumerableSessionStore.class);
            return (EnumerableSessionStore) store;
        }

        @Test
        void allIdsAndLengthSeeEveryLiveSession() {
            EnumerableSessionStore e = enumerable();
            StoredSession first = session("first", inOneDay());
            e.set(LISTED_IDS.get(0), first);
            e.set(LISTED_IDS.get(1), session("no-expiry", null));
            LISTED_IDS.subList(2, LISTED_IDS.size()).forEach(id -> e.set(id, session(id, inOneDay())));
            e.set("id-expired", session("c", Instant.now().minusSeconds(5)));
            assertThat(e.ids()).containsExactlyInAnyOrderElementsOf(LISTED_IDS);
            assertThat(e.length()).isEqualTo(LISTED_IDS.size());
            assertThat(e.all()).containsOnlyKeys(LISTED_IDS);
            assertThat(tree(e.all().get(LISTED_IDS.get(0)).json())).isEqualTo(tree(first.json()));
        }

        @Test
        void clearRemovesEverySession() {
            EnumerableSessionStore e = enumerable();
            LISTED_IDS.forEach(id -> e.set(id, session(id, inOneDay())));
            e.clear();
            assertThat(e.length()).isZero();
            assertThat(e.ids()).isEmpty();
            LISTED_IDS.forEach(id -> assertThat(e.get(id)).as(id).isEmpty());
        }

        @Test
        void anEmptyStoreListsNothing() {
            EnumerableSessionStore e = enumerable();
            assertThat(e.all()).isEmpty();
            assertThat(e.length()).isZero();
        }
    }

    @Nested
    class ConditionalWrites extends dev.cloakroom.testkit.contract.ConditionalWriteTests {
        @Override
        protected SessionStore store() {
            return store;
        }
    }

    @Nested
    class WhenAnUnchangedSessionIsTouched extends dev.cloakroom.testkit.contract.TouchTests {
        @Override
        protected SessionStore store() {
            return store;
        }
    }

    @Nested
    class WhenAReadTouchesTheSession extends dev.cloakroom.testkit.contract.ReadTouchTests {
        @Override
        protected SessionStore store() {
            return store;
        }

        @Override
        protected boolean touchesOnRead() {
            return SessionStoreContract.this.touchesOnRead();
        }
    }

    /**
     * {@return whether the store overrides {@link SessionStore#getAndTouch} to move the expiry in the
     * read itself} False, the default, for a store that keeps the plain read; the read-touch rules
     * are checked either way.
     */
    protected boolean touchesOnRead() {
        return false;
    }

    @Nested
    class WhenReplacesRaceOnOneSession extends dev.cloakroom.testkit.contract.CompareAndSetRaceTests {
        @Override
        protected SessionStore store() {
            return store;
        }
    }

    @Nested
    class WhenRequestsRaceOnOneSession extends dev.cloakroom.testkit.contract.RacingRequestTests {
        @Override
        protected SessionStore store() {
            return store;
        }
    }

    @Nested
    class WhenStoredDataIsCorrupt extends dev.cloakroom.testkit.contract.CorruptDataTests {
        @Override
        protected SessionStore store() {
            return store;
        }

        @Override
        protected boolean writeRaw(String id, String raw) {
            return SessionStoreContract.this.writeRaw(id, raw);
        }
    }

    /**
     * Overwrites the stored document for {@code id} with arbitrary text, for the corrupt-data
     * tests. Returns false when the store refuses such text by design (say, a PostgreSQL json
     * column and text that is not JSON); the default stores it with {@link SessionStore#set}.
     *
     * @param id  the session id
     * @param raw the text to store
     * @return whether the store holds the text now
     */
    protected boolean writeRaw(String id, String raw) {
        store.set(id, new StoredSession(raw, Instant.now().plus(Duration.ofHours(1))));
        return true;
    }

    @Nested
    class UnderConcurrency {

        @Test
        void aHundredThreadsSettingDistinctIdsAllSucceed() throws Exception {
            int n = 100;
            List<StoredSession> sessions = IntStream.range(0, n).mapToObj(i -> session("user" + i, inOneDay())).toList();
            ExecutorService pool = Executors.newFixedThreadPool(n);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Object>> done = IntStream.range(0, n)
                        .mapToObj(i -> pool.submit(() -> {
                            start.await();
                            store.set("concurrent-" + i, sessions.get(i));
                            return null;
                        }))
                        .toList();
                start.countDown();
                for (Future<Object> f : done) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            for (int i = 0; i < n; i++) {
                assertHolds("concurrent-" + i, sessions.get(i));
            }
        }
    }
}
