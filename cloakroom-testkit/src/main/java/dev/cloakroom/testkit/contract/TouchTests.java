package dev.cloakroom.testkit.contract;

import dev.cloakroom.SessionStore;
import dev.cloakroom.StoredSession;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SessionStore#touch}: it moves the expiry and nothing else. Third-party code (and core,
 * when a request saves nothing) relies on a touch never rewriting the document another request
 * saved, and never bringing back a session that has expired.
 */
public abstract class TouchTests {

    /** {@return the store under test, fresh for each test} */
    protected abstract SessionStore store();

    /** A document whose {@code cookie.expires} is {@code expires}, as core writes one. */
    private static StoredSession doc(String marker, Instant expires) {
        return new StoredSession("{\"cookie\":{\"originalMaxAge\":60000,\"expires\":\"" + expires.truncatedTo(ChronoUnit.MILLIS)
                + "\",\"httpOnly\":true,\"path\":\"/\"},\"marker\":\"" + marker + "\"}", expires);
    }

    private static Instant inOneDay() {
        return Instant.now().plus(Duration.ofDays(1));
    }

    private void awaitGone(String id, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (store().get(id).isPresent()) {
            assertThat(System.nanoTime()).as("session %s still present after %s", id, bound).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void aTouchWithADifferentDocumentLeavesTheStoredOneAsItIs() {
        store().set("touch-doc", doc("stored", Instant.now().plusSeconds(3600)));
        String stored = store().get("touch-doc").orElseThrow().json();

        store().touch("touch-doc", doc("handed-to-touch", inOneDay()));

        assertThat(store().get("touch-doc").orElseThrow().json()).isEqualTo(stored)
                .contains("\"stored\"").doesNotContain("handed-to-touch");
    }

    @Test
    void aTouchNeverRevivesASessionThatWasStoredAlreadyExpired() {
        store().set("touch-born-dead", doc("a", Instant.now().minusSeconds(5)));
        store().touch("touch-born-dead", doc("a", inOneDay()));
        assertThat(store().get("touch-born-dead")).isEmpty();
    }

    /** Live at first, then expired (a row or entry may still be held until it is pruned or swept). */
    @Test
    void aTouchNeverRevivesASessionThatHasExpired() throws InterruptedException {
        store().set("touch-lapsed", doc("a", Instant.now().plusMillis(500)));
        awaitGone("touch-lapsed", Duration.ofSeconds(10));

        store().touch("touch-lapsed", doc("a", inOneDay()));

        assertThat(store().get("touch-lapsed")).isEmpty();
    }

    /**
     * The session first expires {@code window} from now; the touch must keep it past that. If the
     * touch itself returned too late to tell (a stalled machine), it tries again with a longer
     * window rather than failing or passing without having checked.
     */
    @Test
    void aTouchKeepsTheSessionPastItsOldExpiry() throws InterruptedException {
        for (long window = 1_500; window <= 24_000; window *= 2) {
            String id = "touch-moves-" + window;
            Instant firstExpiry = Instant.now().plusMillis(window);
            store().set(id, doc("a", firstExpiry));
            store().touch(id, doc("b", inOneDay()));
            if (Instant.now().isAfter(firstExpiry.minusMillis(200))) {
                continue; // the touch may have come after the expiry: no verdict, try a longer window
            }
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), firstExpiry).toMillis()) + 1_000);
            assertThat(store().get(id)).as("session touched before its first expiry").isPresent();
            return;
        }
        throw new AssertionError("the machine never let set + touch finish within 24 s; nothing was checked");
    }

    /**
     * Core reads the live expiry from {@code get}: it becomes the cookie's, and
     * {@code HttpSession.getLastAccessedTime()} is that expiry minus the max age. Stores may
     * round to whole seconds (Redis TTLs); the bound is wide for a slow machine but far from the
     * first expiry, an hour earlier.
     */
    @Test
    void getReportsTheExpiryTheLastTouchSet() {
        Instant now = Instant.now();
        store().set("touch-seen", doc("a", now.plusSeconds(3600)));
        Instant later = now.plusSeconds(7200);
        store().touch("touch-seen", doc("b", later));
        Instant reported = store().get("touch-seen").orElseThrow().expires();
        assertThat(reported).as("expiry after the touch").isNotNull()
                .isBetween(later.minusSeconds(2), later.plusSeconds(30));
    }
}
