package dev.cloakroom.lifecycle;

import dev.cloakroom.StoredSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The touch that rides in the read ({@code SessionStore.getAndTouch}), on MemoryStore's own: a
 * read-only request is then one store call, and the commit touches only where the read could not
 * know the session's own expiry, or where the handler asked for it.
 */
@ExtendWith(NoSessionIdInLogs.class)
class ReadTouchTest extends LifecycleFixture {

    private static final Duration MAX_AGE = Duration.ofMinutes(30);

    @BeforeEach
    void touchingReads() {
        store.touchesOnRead = true;
        configure(b -> b.cookie(c -> c.maxAge(MAX_AGE)));
    }

    private Instant storedExpiry(String id) {
        return store.delegate.get(id).map(StoredSession::expires).orElseThrow();
    }

    private static void assertNear(Instant actual, Instant expected) {
        assertThat(actual).isBetween(expected.minusSeconds(2), expected.plusSeconds(2));
    }

    /**
     * Brings the stored expiry nearer, as time passing would, so a touch can be seen: a read in the
     * same millisecond as the seed would find the session already living as long as asked.
     */
    private void age(String id, Duration left) {
        StoredSession stored = store.delegate.get(id).orElseThrow();
        store.delegate.touch(id, new StoredSession(stored.json(), Instant.now().plus(left)));
    }

    @Nested
    class AReadOnlyRequest {

        @Test
        void isOneStoreCallThatMovesTheExpiry() {
            String id = seed(s -> s.set("user", "a"));
            age(id, Duration.ofMinutes(10));

            withSession(cookieFor(id), s -> s.get("user", String.class));

            assertThat(store.calls()).isOne();
            assertThat(store.readTouches.get()).isOne();
            assertNear(storedExpiry(id), Instant.now().plus(MAX_AGE));
        }

        @Test
        void isAReadAndATouchOnAStoreThatKeepsTheDefault() {
            store.touchesOnRead = false;
            String id = seed(s -> s.set("user", "a"));

            withSession(cookieFor(id), s -> s.get("user", String.class));

            assertThat(store.gets.get()).isOne();
            assertThat(store.touches.get()).isOne();
        }

        @Test
        void ofALongerRememberMeSessionIsTouchedAgainWithItsOwnMaxAge() {
            String id = seed(s -> {
                s.set("user", "a");
                s.cookie().maxAge(Duration.ofDays(30));
            });
            age(id, Duration.ofDays(29));

            withSession(cookieFor(id), s -> s.get("user", String.class));

            assertThat(store.touches.get()).isOne();
            assertNear(storedExpiry(id), Instant.now().plus(Duration.ofDays(30)));
        }

        @Test
        void ofAShorterSessionIsBroughtBackToItsOwnMaxAge() {
            String id = seed(s -> {
                s.set("user", "a");
                s.cookie().maxAge(Duration.ofMinutes(5));
            });

            withSession(cookieFor(id), s -> s.get("user", String.class));

            assertThat(store.touches.get()).isOne();
            assertNear(storedExpiry(id), Instant.now().plus(Duration.ofMinutes(5)));
        }

        @Test
        void nearItsAbsoluteDeadlineIsTouchedAgainDownToIt() {
            configure(b -> b.cookie(c -> c.maxAge(MAX_AGE)).absoluteTimeout(Duration.ofMinutes(10)));
            Instant created = Instant.now();
            String id = seed(s -> s.set("user", "a"));

            withSession(cookieFor(id), s -> s.get("user", String.class));

            assertThat(store.touches.get()).isOne();
            assertThat(storedExpiry(id)).isBetween(created.plus(Duration.ofMinutes(10)).minusSeconds(2),
                    Instant.now().plus(Duration.ofMinutes(10)));
        }
    }

    @Nested
    class AModifyingRequest {

        @Test
        void savesWithoutATouchOfItsOwn() {
            String id = seed(s -> s.set("visits", 1));

            withSession(cookieFor(id), s -> s.set("visits", 2));

            assertThat(store.gets.get()).isOne();
            assertThat(store.sets.get()).isOne();
            assertThat(store.touches.get()).isZero();
        }
    }

    @Nested
    class UnderTouchAfter {

        @BeforeEach
        void throttled() {
            configure(b -> b.cookie(c -> c.maxAge(MAX_AGE)).touchAfter(Duration.ofMinutes(10)));
        }

        @Test
        void aReadWhoseMoveIsSmallerWritesNothing() {
            String id = seed(s -> s.set("user", "a"));
            age(id, MAX_AGE.minusMinutes(1));
            Instant before = storedExpiry(id);

            withSession(cookieFor(id), s -> s.get("user", String.class));

            assertThat(store.calls()).isOne();
            assertThat(store.readTouches.get()).isZero();
            assertThat(storedExpiry(id)).isEqualTo(before);
        }

        @Test
        void aReadWhoseMoveIsLargerMovesItInTheRead() {
            String id = seed(s -> s.set("user", "a"));
            age(id, Duration.ofMinutes(15));

            withSession(cookieFor(id), s -> s.get("user", String.class));

            assertThat(store.calls()).isOne();
            assertThat(store.readTouches.get()).isOne();
            assertNear(storedExpiry(id), Instant.now().plus(MAX_AGE));
        }

        @Test
        void anExplicitTouchStillReachesTheStore() {
            String id = seed(s -> s.set("user", "a"));
            age(id, MAX_AGE.minusMinutes(1));

            withSession(cookieFor(id), s -> s.touch());

            assertThat(store.touches.get()).isOne();
            assertNear(storedExpiry(id), Instant.now().plus(MAX_AGE));
        }
    }
}
