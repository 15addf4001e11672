package dev.cloakroom.lifecycle;

import dev.cloakroom.MemoryStore;
import dev.cloakroom.SessionEvent;
import dev.cloakroom.SessionListener;
import dev.cloakroom.SessionManager;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.UnsetAction;
import dev.cloakroom.internal.SessionIds;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(NoSessionIdInLogs.class)
class SessionEventsTest extends LifecycleFixture {

    /** Writes down every event as "kind cause fingerprint [previous]". */
    static final class Recorder implements SessionListener {
        final List<String> seen = new CopyOnWriteArrayList<>();

        private void add(String kind, SessionEvent e) {
            seen.add(kind + " " + e.cause() + " " + e.fingerprint() + (e.previousFingerprint() == null ? "" : " " + e.previousFingerprint()));
        }

        @Override
        public void created(SessionEvent e) {
            add("created", e);
        }

        @Override
        public void regenerated(SessionEvent e) {
            add("regenerated", e);
        }

        @Override
        public void destroyed(SessionEvent e) {
            add("destroyed", e);
        }

        @Override
        public void expired(SessionEvent e) {
            add("expired", e);
        }

        @Override
        public void revoked(SessionEvent e) {
            add("revoked", e);
        }
    }

    final Recorder events = new Recorder();

    {
        configure(b -> b.listener(events));
    }

    static String fp(String id) {
        return SessionIds.fingerprint(id);
    }

    @Nested
    class WhenASessionIsFirstStored {

        @Test
        void itIsAnnouncedOnceByFingerprint() {
            String id = seed(s -> s.set("n", 1));
            withSession(cookieFor(id), s -> s.set("n", 2));
            assertThat(events.seen).containsExactly("created request " + fp(id));
        }

        @Test
        void aNewSessionNeverStoredIsNoEvent() {
            withSession(null, s -> s.get("n"));
            withSession(null, s -> {
                s.set("n", 1);
                s.destroy();
            });
            assertThat(events.seen).isEmpty();
        }
    }

    @Nested
    class WhenAStoredSessionIsRegenerated {

        @Test
        void bothFingerprintsAreGivenAndNothingIsCreated() {
            String old = seed(s -> s.set("cart", 3));
            events.seen.clear();
            String[] now = new String[1];
            withSession(cookieFor(old), s -> {
                s.changeId();
                now[0] = s.id();
            });
            assertThat(events.seen).containsExactly("regenerated change.id " + fp(now[0]) + " " + fp(old));
        }

        @Test
        void aNewVisitorsRegenerationIsOnlyACreation() {
            String[] id = new String[1];
            withSession(null, s -> {
                s.regenerate();
                s.set("user", "ann");
                id[0] = s.id();
            });
            assertThat(events.seen).containsExactly("created request " + fp(id[0]));
        }

        @Test
        void destroyingTheUnsavedNewIdReportsTheOldSessionsEnd() {
            String old = seed(s -> s.set("cart", 3));
            events.seen.clear();
            withSession(cookieFor(old), s -> {
                s.regenerate();
                s.destroy();
            });
            assertThat(events.seen).containsExactly("destroyed destroy " + fp(old));
        }
    }

    @Nested
    class WhenTheApplicationEndsASession {

        @Test
        void destroyIsReported() {
            String id = seed(s -> s.set("n", 1));
            events.seen.clear();
            withSession(cookieFor(id), s -> s.destroy());
            assertThat(events.seen).containsExactly("destroyed destroy " + fp(id));
        }

        @Test
        void unsetWithDestroyIsReported() {
            configure(b -> b.listener(events).unset(UnsetAction.DESTROY));
            String id = seed(s -> s.set("n", 1));
            events.seen.clear();
            withSession(cookieFor(id), s -> s.unset());
            assertThat(events.seen).containsExactly("destroyed unset " + fp(id));
        }
    }

    @Nested
    class WhenASessionExpires {

        @Test
        void aStoredSessionPastItsExpiryIsReportedOnReadAndNotLoaded() {
            MovableClock clock = new MovableClock();
            manager = new SessionManager(SessionOptions.builder().secret(SECRET).store(store).listener(events)
                    .cookie(c -> c.maxAge(Duration.ofMinutes(5))).build(), clock);
            String id = seed(s -> s.set("n", 1));
            events.seen.clear();
            clock.advance(Duration.ofMinutes(6)); // the store's clock has not moved: it still returns the session
            withSession(cookieFor(id), s -> assertThat(s.get("n")).as("not brought back").isEmpty());
            assertThat(events.seen).first().isEqualTo("expired read " + fp(id));
        }

        @Test
        void theMemoryStoresSweepNamesEachSession() {
            MovableClock clock = new MovableClock();
            try (MemoryStore memory = MemoryStore.builder().clock(clock).sweepInterval(Duration.ofDays(1)).build()) {
                manager = new SessionManager(SessionOptions.builder().secret(SECRET).store(memory).listener(events)
                        .cookie(c -> c.maxAge(Duration.ofMinutes(5))).build(), clock);
                String[] id = new String[1];
                withSession(null, s -> {
                    s.set("n", 1);
                    id[0] = s.id();
                });
                events.seen.clear();
                clock.advance(Duration.ofMinutes(6));
                assertThat(memory.sweep()).isEqualTo(1);
                assertThat(events.seen).containsExactly("expired store " + fp(id[0]));
            }
        }
    }

    @Nested
    class WhenAListenerThrows {

        private final SessionListener broken = new SessionListener() {
            @Override
            public void created(SessionEvent event) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void destroyed(SessionEvent event) {
                throw new IllegalStateException("listener bug");
            }
        };

        @Test
        void theRequestSucceedsTheSessionIsStoredAndLaterListenersAreTold() {
            configure(b -> b.listener(broken).listener(events));
            try (ConsoleCopy log = new ConsoleCopy()) {
                String[] id = new String[1];
                Response r = withSession(null, s -> {
                    s.set("n", 1);
                    id[0] = s.id();
                });
                assertThat(r.setCookies()).hasSize(1);
                assertStored(id[0]);
                assertThat(events.seen).containsExactly("created request " + fp(id[0]));
                String text = log.text();
                assertThat(text.split("session listener ", -1)).as("one WARN").hasSize(2);
                assertThat(text).contains("WARN").contains("failed on created for session " + fp(id[0]))
                        .doesNotContain(id[0]);
            }
        }

        @Test
        void aDestroyedSessionStaysDestroyed() {
            configure(b -> b.listener(broken));
            String id = seed(s -> s.set("n", 1));
            withSession(cookieFor(id), s -> s.destroy());
            assertThat(storedJson(id)).isEmpty();
            withSession(cookieFor(id), s -> assertThat(s.get("n")).isEmpty());
        }
    }
}
