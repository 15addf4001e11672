package dev.cloakroom.testkit;

import dev.cloakroom.StoredSession;
import dev.cloakroom.UserIndexedSessionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link UserIndexedSessionStore} must do, through the SPI alone: documents are JSON
 * text naming their user in {@code __cloakroom.user}, as {@code Session.bindUser} writes them. A
 * store's {@link SessionStoreContract} subclass runs it as a nested class, on the store the
 * contract made for the test:
 *
 * <pre>{@code
 * @Nested
 * class WhenSessionsAreBoundToUsers extends UserIndexContract {
 *     @Override
 *     protected UserIndexedSessionStore store() {
 *         return (UserIndexedSessionStore) store;
 *     }
 * }
 * }</pre>
 *
 * <p>The property that matters most is that no entry disappears while its session lives: a
 * revocation would miss that session. Three tests wait for real expiries (about 2.5 s each),
 * because a store may expire by its server's clock; none asserts on speed.
 */
public abstract class UserIndexContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@return the store under test, fresh and empty for each test} */
    protected abstract UserIndexedSessionStore store();

    /**
     * {@return an express-session document bound to {@code user}, or to no one when it is null}
     *
     * @param user    the user key, any text
     * @param marker  an attribute value telling documents apart
     * @param expires the cookie's expiry, or null for a browser-session cookie
     */
    protected static String boundJson(String user, String marker, Instant expires) {
        String when = expires == null ? "null" : "\"" + expires.truncatedTo(ChronoUnit.MILLIS) + "\"";
        String sidecar = user == null ? "{\"created\":1}" : "{\"created\":1,\"user\":" + JSON.writeValueAsString(user) + "}";
        return "{\"cookie\":{\"originalMaxAge\":" + (expires == null ? "null" : "60000") + ",\"expires\":" + when
                + ",\"httpOnly\":true,\"path\":\"/\"},\"marker\":\"" + marker + "\",\"__cloakroom\":" + sidecar + "}";
    }

    private static StoredSession bound(String user, String marker, Instant expires) {
        return new StoredSession(boundJson(user, marker, expires), expires);
    }

    private static Instant inOneDay() {
        return Instant.now().plus(Duration.ofDays(1));
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("store returned invalid JSON: " + json, e);
        }
    }

    /** The text the store holds for {@code id}, which a compare-and-set must be given. */
    private String storedJson(String id) {
        return store().get(id).orElseThrow(() -> new AssertionError("session " + id + " not stored")).json();
    }

    private void awaitGone(String id, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (store().get(id).isPresent()) {
            assertThat(System.nanoTime()).as("session %s still present after %s", id, bound).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    static List<String> untrustedUserKeys() {
        return List.of("ünïcødé ✓ \uD83D\uDE00", "'; DROP TABLE session; --", "*", "user:*", "%", "_", "a\nb", "a\u0000b",
                "quote\" and \\backslash", "   ", "x".repeat(300), "y".repeat(5 * 1024), "{\"$gt\":\"\"}", "$where");
    }

    @Test
    void aBoundSessionIsListedWithItsDocumentAndExpiry() {
        Instant expires = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.MILLIS);
        StoredSession s = bound("ada", "one", expires);
        store().set("ui-ada-1", s);

        Map<String, StoredSession> listed = store().sessionsOf("ada");

        assertThat(listed).containsOnlyKeys("ui-ada-1");
        assertThat(tree(listed.get("ui-ada-1").json())).isEqualTo(tree(s.json()));
        assertThat(listed.get("ui-ada-1").expires()).as("listed expiry").isNotNull()
                .isBetween(expires.minusSeconds(2), expires.plusSeconds(30));
    }

    @Test
    void twoUsersAreKeptApart() {
        store().set("ui-ada-1", bound("ada", "a1", inOneDay()));
        store().set("ui-ada-2", bound("ada", "a2", inOneDay()));
        store().set("ui-bob-1", bound("bob", "b1", inOneDay()));
        store().set("ui-nobody", bound(null, "n", inOneDay()));

        assertThat(store().sessionsOf("ada")).containsOnlyKeys("ui-ada-1", "ui-ada-2");
        assertThat(store().sessionsOf("bob")).containsOnlyKeys("ui-bob-1");
    }

    /** A case- or space-folding comparison would let one user's revocation reach another's sessions. */
    @Test
    void keysDifferingInCaseOrTrailingSpaceAreDifferentUsers() {
        store().set("ui-lower", bound("ada", "l", inOneDay()));
        store().set("ui-upper", bound("Ada", "u", inOneDay()));
        store().set("ui-space", bound("ada ", "s", inOneDay()));

        assertThat(store().sessionsOf("ada")).containsOnlyKeys("ui-lower");
        assertThat(store().sessionsOf("Ada")).containsOnlyKeys("ui-upper");
        assertThat(store().sessionsOf("ada ")).containsOnlyKeys("ui-space");
        assertThat(store().sessionsOf("ADA")).isEmpty();
    }

    @Test
    void aBrowserSessionWithoutExpiryIsListed() {
        store().set("ui-browser", bound("ada", "b", null));
        assertThat(store().sessionsOf("ada")).containsOnlyKeys("ui-browser");
    }

    @Test
    void anUnknownUserHasNoSessions() {
        assertThat(store().sessionsOf("nobody")).isEmpty();
        store().set("ui-ada-1", bound("ada", "a", inOneDay()));
        assertThat(store().sessionsOf("nobody")).isEmpty();
        assertThat(store().sessionsOf("")).isEmpty();
    }

    @Test
    void aReplaceBoundToAnotherUserMovesIt() {
        store().set("ui-move", bound("ada", "before", inOneDay()));
        StoredSession after = bound("bob", "after", inOneDay());

        assertThat(store().replace("ui-move", storedJson("ui-move"), after)).isTrue();

        assertThat(store().sessionsOf("ada")).isEmpty();
        assertThat(store().sessionsOf("bob")).containsOnlyKeys("ui-move");
        assertThat(tree(store().sessionsOf("bob").get("ui-move").json())).isEqualTo(tree(after.json()));
    }

    @Test
    void aReplaceToAnUnboundDocumentDropsIt() {
        store().set("ui-unbind", bound("ada", "before", inOneDay()));
        assertThat(store().replace("ui-unbind", storedJson("ui-unbind"), bound(null, "after", inOneDay()))).isTrue();
        assertThat(store().sessionsOf("ada")).isEmpty();
        assertThat(store().get("ui-unbind")).isPresent();
    }

    @Test
    void aReplaceThatFindsAnotherDocumentChangesNothing() {
        StoredSession original = bound("ada", "original", inOneDay());
        store().set("ui-cas", original);
        String notTheStoredText = boundJson("ada", "someone-else-saved", inOneDay());

        assertThat(store().replace("ui-cas", notTheStoredText, bound("bob", "lost", inOneDay()))).isFalse();

        assertThat(store().sessionsOf("bob")).isEmpty();
        assertThat(store().sessionsOf("ada")).containsOnlyKeys("ui-cas");
        assertThat(tree(store().sessionsOf("ada").get("ui-cas").json())).isEqualTo(tree(original.json()));
    }

    @Test
    void aSetBoundToAnotherUserMovesIt() {
        store().set("ui-reset", bound("ada", "before", inOneDay()));
        store().set("ui-reset", bound("bob", "after", inOneDay()));
        assertThat(store().sessionsOf("ada")).isEmpty();
        assertThat(store().sessionsOf("bob")).containsOnlyKeys("ui-reset");
    }

    @Test
    void aSetOfAnUnboundDocumentDropsIt() {
        store().set("ui-reset", bound("ada", "before", inOneDay()));
        store().set("ui-reset", bound(null, "after", inOneDay()));
        assertThat(store().sessionsOf("ada")).isEmpty();
    }

    @Test
    void destroyDropsIt() {
        store().set("ui-gone", bound("ada", "a", inOneDay()));
        store().set("ui-kept", bound("ada", "b", inOneDay()));
        store().destroy("ui-gone");
        assertThat(store().sessionsOf("ada")).containsOnlyKeys("ui-kept");
    }

    /** As after a login that regenerates: the new id is bound, the old one destroyed. */
    @Test
    void aRegeneratedSessionIsListedUnderItsNewIdOnly() {
        store().set("ui-old", bound(null, "anonymous", inOneDay()));
        store().set("ui-new", bound("ada", "logged-in", inOneDay()));
        store().destroy("ui-old");
        assertThat(store().sessionsOf("ada")).containsOnlyKeys("ui-new");
    }

    @Test
    void aSessionStoredAlreadyExpiredIsNotListed() {
        store().set("ui-born-dead", bound("ada", "a", Instant.now().minusSeconds(5)));
        assertThat(store().sessionsOf("ada")).isEmpty();
    }

    /**
     * A hundred sessions of one user run out together; none of them is listed afterwards, and the
     * user's one long-lived session still is. While they live (if the machine stored them all in
     * time to tell) every one is listed.
     */
    @Test
    void aHundredSessionsThatExpiredAreNotListed() throws InterruptedException {
        store().set("ui-long", bound("ada", "long", inOneDay()));
        Instant expires = Instant.now().plusMillis(2000);
        List<String> ids = IntStream.range(0, 100).mapToObj(i -> "ui-short-" + i).toList();
        ids.forEach(id -> store().set(id, bound("ada", id, expires)));
        Map<String, StoredSession> live = store().sessionsOf("ada");
        if (Instant.now().isBefore(expires.minusMillis(200))) {
            assertThat(live).as("listed before they expire").hasSize(101);
        }

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expires).toMillis()) + 500);
        awaitGone(ids.get(ids.size() - 1), Duration.ofSeconds(10));
        ids.forEach(id -> assertThat(store().get(id)).as(id).isEmpty());

        assertThat(store().sessionsOf("ada")).containsOnlyKeys("ui-long");
    }

    /**
     * The crucial property: a touch moves the expiry past the first one, so the session lives on,
     * and its index entry must too. If set and touch returned too late to tell (a stalled
     * machine), it tries a longer window rather than pass without having checked.
     */
    @Test
    void aTouchedSessionIsStillListedAfterItsFirstExpiry() throws InterruptedException {
        for (long window = 1_500; window <= 24_000; window *= 2) {
            String id = "ui-touched-" + window;
            Instant firstExpiry = Instant.now().plusMillis(window);
            StoredSession first = bound("ada", "t", firstExpiry);
            store().set(id, first);
            store().touch(id, new StoredSession(storedJson(id), inOneDay()));
            if (Instant.now().isAfter(firstExpiry.minusMillis(200))) {
                continue;
            }
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), firstExpiry).toMillis()) + 1_000);
            assertThat(store().get(id)).as("session touched before its first expiry").isPresent();
            assertThat(store().sessionsOf("ada")).as("index after the first expiry").containsKey(id);
            return;
        }
        throw new AssertionError("the machine never let set + touch finish within 24 s; nothing was checked");
    }

    /** Keys are whatever the application binds (an e-mail address, a name): never a pattern, never a query. */
    @ParameterizedTest
    @MethodSource("dev.cloakroom.testkit.UserIndexContract#untrustedUserKeys")
    void anyUserKeyIsMatchedExactly(String userKey) {
        String id = "ui-odd-" + Integer.toHexString(userKey.hashCode()) + "-✓ ../*";
        store().set(id, bound(userKey, "odd", inOneDay()));
        store().set("ui-ada", bound("ada", "ada", inOneDay()));
        store().set("ui-longer", bound(userKey + "!", "near", inOneDay()));

        Map<String, StoredSession> listed = store().sessionsOf(userKey);

        assertThat(listed).containsOnlyKeys(id);
        assertThat(listed.get(id).boundUser()).contains(userKey);
        store().destroy(id);
        assertThat(store().sessionsOf(userKey)).isEmpty();
        assertThat(store().sessionsOf("ada")).containsOnlyKeys("ui-ada");
    }
}
