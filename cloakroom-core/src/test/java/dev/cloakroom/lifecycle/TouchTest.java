package dev.cloakroom.lifecycle;

import dev.cloakroom.SessionManager;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.StoredSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code touchAfter} throttling and {@link dev.cloakroom.Session#touch()}, on a clock the test
 * moves. An unchanged session is touched by every commit anyway, so {@code touch()} is only
 * visible where that automatic touch is not: inside the request, while the throttle holds the
 * automatic touch back, and in a {@code save()}.
 */
@ExtendWith(NoSessionIdInLogs.class)
class TouchTest extends LifecycleFixture {

    private static final Duration MAX_AGE = Duration.ofHours(1);
    private static final Duration TOUCH_AFTER = Duration.ofMinutes(10);

    private final MovableClock clock = new MovableClock();

    @BeforeEach
    void throttled() {
        manager = new SessionManager(SessionOptions.builder().secret(SECRET).store(store)
                .cookie(c -> c.maxAge(MAX_AGE)).touchAfter(TOUCH_AFTER).build(), clock);
    }

    private Instant storedExpiry(String id) {
        return store.delegate.get(id).map(StoredSession::expires).orElseThrow();
    }

    @Nested
    class WithTouchAfter {

        @Test
        void anUnchangedSessionWhoseExpiryWouldMoveByLessIsNotTouched() {
            String id = seed(s -> s.set("user", "a"));
            Instant before = storedExpiry(id);
            clock.advance(TOUCH_AFTER.minusMinutes(1));

            withSession(cookieFor(id), s -> s.get("user", String.class));

            assertThat(store.touches.get()).isZero();
            assertThat(store.sets.get()).isZero();
            assertThat(storedExpiry(id)).isEqualTo(before);
        }

        @Test
        void anUnchangedSessionWhoseExpiryWouldMoveByMoreIsTouched() {
            String id = seed(s -> s.set("user", "a"));
            clock.advance(TOUCH_AFTER.plusMinutes(1));

            withSession(cookieFor(id), s -> s.get("user", String.class));

            assertThat(store.touches.get()).isOne();
            assertThat(store.sets.get()).isZero();
            assertThat(storedExpiry(id)).isEqualTo(clock.instant().plus(MAX_AGE));
        }

        @Test
        void aChangedSessionIsSavedWithItsNewExpiryHoweverLittleItMoves() {
            String id = seed(s -> s.set("visits", 1));
            clock.advance(Duration.ofMinutes(1));

            withSession(cookieFor(id), s -> s.set("visits", 2));

            assertThat(store.sets.get()).isOne();
            assertThat(storedExpiry(id)).isEqualTo(clock.instant().plus(MAX_AGE));
        }
    }

    @Nested
    class ExplicitTouch {

        @Test
        void restartsTheMaxAgeWithinTheRequest() {
            String id = seed(s -> s.set("user", "a"));
            Instant seeded = storedExpiry(id);
            clock.advance(Duration.ofMinutes(5));

            withSession(cookieFor(id), s -> {
                assertThat(s.cookie().expires()).contains(seeded);
                s.touch();
                assertThat(s.cookie().expires()).contains(clock.instant().plus(MAX_AGE));
                assertThat(s.cookie().maxAge()).contains(MAX_AGE);
            });
        }

        @Test
        void isStoredEvenWhileTheThrottleHoldsTheAutomaticTouchBack() {
            String id = seed(s -> s.set("user", "a"));
            clock.advance(Duration.ofMinutes(5));

            withSession(cookieFor(id), s -> s.touch());

            assertThat(store.touches.get()).isOne();
            assertThat(storedExpiry(id)).isEqualTo(clock.instant().plus(MAX_AGE));
        }

        @Test
        void isWhatASaveStoresWhileTheThrottleHoldsTheAutomaticTouchBack() {
            String id = seed(s -> s.set("user", "a"));
            clock.advance(Duration.ofMinutes(5));

            withSession(cookieFor(id), s -> {
                s.touch();
                s.save();
            });

            assertThat(store.touches.get()).isZero();
            assertThat(storedExpiry(id)).isEqualTo(clock.instant().plus(MAX_AGE));
        }

        @Test
        void withoutItTheSameSaveKeepsTheOldExpiry() {
            String id = seed(s -> s.set("user", "a"));
            Instant seeded = storedExpiry(id);
            clock.advance(Duration.ofMinutes(5));

            withSession(cookieFor(id), s -> s.save());

            assertThat(store.touches.get()).isZero();
            assertThat(storedExpiry(id)).isEqualTo(seeded);
        }
    }
}
