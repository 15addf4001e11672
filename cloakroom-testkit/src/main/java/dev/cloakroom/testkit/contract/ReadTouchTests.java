package dev.cloakroom.testkit.contract;

import dev.cloakroom.SessionStore;
import dev.cloakroom.StoredSession;
import dev.cloakroom.TouchedSession;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SessionStore#getAndTouch}: a read that moves a live session's expiry forward in the same
 * round trip, as core's rolling expiry of a read-only request. It reports the expiry the session had
 * before, never revives, never shortens and never rewrites the document, and with {@code touchAfter}
 * leaves a small move unwritten. A store that keeps the default (a plain read, touched by core at
 * the end of the request) answers {@code touchesOnRead() == false}; every rule is still checked
 * against what it does.
 */
public abstract class ReadTouchTests {

    private static final Duration NO_THROTTLE = Duration.ZERO;

    /** {@return the store under test, fresh for each test} */
    protected abstract SessionStore store();

    /** {@return whether the store moves the expiry in the read itself, rather than keeping the default} */
    protected abstract boolean touchesOnRead();

    private static StoredSession doc(String marker, Instant expires) {
        return new StoredSession("{\"cookie\":{\"originalMaxAge\":60000,\"expires\":\"" + expires.truncatedTo(ChronoUnit.MILLIS)
                + "\",\"httpOnly\":true,\"path\":\"/\"},\"marker\":\"" + marker + "\"}", expires);
    }

    /** The expiry the store reports now; stores may round to whole seconds (Redis TTLs). */
    private Instant heldExpiry(String id) {
        return store().get(id).orElseThrow(() -> new AssertionError("session " + id + " is gone")).expires();
    }

    private static void assertNear(Instant actual, Instant expected, String what) {
        assertThat(actual).as(what).isNotNull().isBetween(expected.minusSeconds(2), expected.plusSeconds(2));
    }

    @Test
    void aMissingSessionIsEmptyAndStaysMissing() {
        assertThat(store().getAndTouch("read-touch-missing", Instant.now().plusSeconds(3600), NO_THROTTLE)).isEmpty();
        assertThat(store().get("read-touch-missing")).isEmpty();
    }

    @Test
    void aSessionStoredAlreadyExpiredIsEmptyAndNotRevived() {
        store().set("read-touch-dead", doc("a", Instant.now().minusSeconds(5)));
        assertThat(store().getAndTouch("read-touch-dead", Instant.now().plusSeconds(3600), NO_THROTTLE)).isEmpty();
        assertThat(store().get("read-touch-dead")).isEmpty();
    }

    @Test
    void itReturnsTheDocumentAndTheExpiryFromBeforeTheTouch() {
        Instant now = Instant.now();
        store().set("read-touch-seen", doc("stored", now.plusSeconds(3600)));
        String stored = store().get("read-touch-seen").orElseThrow().json();

        TouchedSession read = store().getAndTouch("read-touch-seen", now.plusSeconds(7200), NO_THROTTLE).orElseThrow();

        assertThat(read.session().json()).isEqualTo(stored);
        assertNear(read.session().expires(), now.plusSeconds(3600), "expiry reported by the read");
        assertThat(read.touched()).isEqualTo(touchesOnRead());
        assertNear(heldExpiry("read-touch-seen"), now.plusSeconds(touchesOnRead() ? 7200 : 3600), "expiry held after the read");
        assertThat(store().get("read-touch-seen").orElseThrow().json()).as("the document is not rewritten").isEqualTo(stored);
    }

    @Test
    void itNeverShortensASessionAndCountsOneThatLivesLongerAsTouched() {
        Instant now = Instant.now();
        store().set("read-touch-long", doc("a", now.plusSeconds(7200)));

        TouchedSession read = store().getAndTouch("read-touch-long", now.plusSeconds(3600), NO_THROTTLE).orElseThrow();

        assertThat(read.touched()).isEqualTo(touchesOnRead());
        assertNear(heldExpiry("read-touch-long"), now.plusSeconds(7200), "expiry held after the read");
    }

    @Test
    void withTouchAfterASmallMoveIsNotWritten() {
        Instant now = Instant.now();
        store().set("read-touch-throttled", doc("a", now.plusSeconds(3600)));

        TouchedSession read = store().getAndTouch("read-touch-throttled", now.plusSeconds(3610), Duration.ofMinutes(1))
                .orElseThrow();

        assertThat(read.touched()).isFalse();
        assertNear(heldExpiry("read-touch-throttled"), now.plusSeconds(3600), "expiry held after a throttled read");
    }

    @Test
    void withTouchAfterALargerMoveIsWritten() {
        Instant now = Instant.now();
        store().set("read-touch-moved", doc("a", now.plusSeconds(3600)));

        TouchedSession read = store().getAndTouch("read-touch-moved", now.plusSeconds(7200), Duration.ofMinutes(1))
                .orElseThrow();

        assertThat(read.touched()).isEqualTo(touchesOnRead());
        assertNear(heldExpiry("read-touch-moved"), now.plusSeconds(touchesOnRead() ? 7200 : 3600), "expiry held after the read");
    }

    /** As {@link TouchTests}: if the read returned too late to tell, it tries a longer window. */
    @Test
    void aTouchingReadKeepsTheSessionPastItsOldExpiry() throws InterruptedException {
        if (!touchesOnRead()) {
            return;
        }
        for (long window = 1_500; window <= 24_000; window *= 2) {
            String id = "read-touch-keeps-" + window;
            Instant firstExpiry = Instant.now().plusMillis(window);
            store().set(id, doc("a", firstExpiry));
            Optional<TouchedSession> read = store().getAndTouch(id, Instant.now().plus(Duration.ofDays(1)), NO_THROTTLE);
            if (Instant.now().isAfter(firstExpiry.minusMillis(200))) {
                continue;
            }
            assertThat(read).isPresent();
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), firstExpiry).toMillis()) + 1_000);
            assertThat(store().get(id)).as("session touched by a read before its first expiry").isPresent();
            return;
        }
        throw new AssertionError("the machine never let set + getAndTouch finish within 24 s; nothing was checked");
    }
}
