package dev.cloakroom.lifecycle;

import dev.cloakroom.MemoryStore;
import dev.cloakroom.Session;
import dev.cloakroom.SessionContext;
import dev.cloakroom.SessionManager;
import dev.cloakroom.SessionOptions;
import dev.cloakroom.StoredSession;
import dev.cloakroom.UserSession;
import dev.cloakroom.internal.CookieSigner;
import dev.cloakroom.internal.SessionIds;
import dev.cloakroom.internal.UriComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Binding sessions to users, and listing and revoking a user's sessions, on a real MemoryStore. */
@ExtendWith(NoSessionIdInLogs.class)
class UserSessionsTest {

    private static final String SECRET = "keyboard cat";
    private static final Duration MAX_AGE = Duration.ofMinutes(30);

    private final MovableClock clock = new MovableClock();
    private final MemoryStore store = MemoryStore.builder().clock(clock).build();
    private final SessionManager manager = new SessionManager(
            SessionOptions.builder().secret(SECRET).store(store).cookie(c -> c.maxAge(MAX_AGE)).build(), clock);

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static String cookieFor(String id) {
        return "connect.sid=" + UriComponent.encode("s:" + CookieSigner.ofStrings(List.of(SECRET)).sign(id));
    }

    /** One request for the session {@code id} names (null: none); returns the session's id afterwards. */
    private String request(String id, Consumer<Session> handler) {
        SessionContext context = manager.open(TestExchange.to("/").cookie(id == null ? null : cookieFor(id)));
        Session session = context.session();
        handler.accept(session);
        String after = session.isInvalidated() ? null : session.id();
        context.commit();
        return after;
    }

    private String login(String user) {
        return request(null, s -> {
            s.regenerate();
            s.bindUser(user);
        });
    }

    private String storedJson(String id) {
        return store.get(id).map(StoredSession::json).orElse(null);
    }

    private boolean alive(String id) {
        return store.get(id).isPresent();
    }

    @Nested
    class ListenersHearOfRevocations {

        private final SessionEventsTest.Recorder events = new SessionEventsTest.Recorder();
        private final SessionManager observed = new SessionManager(SessionOptions.builder().secret(SECRET).store(store)
                .cookie(c -> c.maxAge(MAX_AGE)).listener(events).build(), clock);

        private String observedLogin(String user) {
            SessionContext context = observed.open(TestExchange.to("/"));
            Session session = context.session();
            session.bindUser(user);
            String id = session.id();
            context.commit();
            return id;
        }

        @Test
        void listenersHearOfEachRevokedSessionWithItsScope() {
            String a = observedLogin("ann");
            String b = observedLogin("ann");
            String c = observedLogin("ann");
            events.seen.clear();

            SessionContext context = observed.open(TestExchange.to("/").cookie(cookieFor(a)));
            observed.users().revokeOthers(context.session());
            context.commit();
            assertThat(events.seen).containsExactlyInAnyOrder(
                    "revoked others " + SessionIds.fingerprint(b), "revoked others " + SessionIds.fingerprint(c));

            events.seen.clear();
            observed.users().revokeAll("ann");
            assertThat(events.seen).containsExactly("revoked all " + SessionIds.fingerprint(a));
        }

        @Test
        void aSessionRevokedByItsHandleIsHeardOfOnce() {
            String a = observedLogin("ann");
            events.seen.clear();

            assertThat(observed.users().revoke("ann", SessionIds.fingerprint(a))).isTrue();
            assertThat(observed.users().revoke("ann", SessionIds.fingerprint(a))).isFalse();
            assertThat(events.seen).containsExactly("revoked one " + SessionIds.fingerprint(a));
        }
    }

    @Nested
    class WhenASessionIsBound {

        @Test
        void theBindingAloneIsAChangeThatIsSavedBesideTheDocument() {
            String id = request(null, s -> s.set("cart", "book"));
            request(id, s -> s.bindUser("alice"));

            assertThat(storedJson(id)).contains("\"__cloakroom\":{").contains("\"user\":\"alice\"");
            assertThat(store.get(id).orElseThrow().boundUser()).contains("alice");
        }

        @Test
        void theNextRequestSeesWhomItIsBoundTo() {
            String id = login("alice");
            String[] seen = new String[1];
            request(id, s -> seen[0] = s.boundUser().orElse(null));

            assertThat(seen[0]).isEqualTo("alice");
        }

        @Test
        void aChangedIdKeepsTheBindingAndTheIndexFollowsIt() {
            String id = login("alice");
            String moved = request(id, Session::changeId);

            assertThat(moved).isNotEqualTo(id);
            assertThat(store.get(moved).orElseThrow().boundUser()).contains("alice");
            assertThat(store.sessionsOf("alice")).containsOnlyKeys(moved);
        }

        @Test
        void regenerateStartsUnbound() {
            String id = login("alice");
            String fresh = request(id, s -> {
                s.regenerate();
                s.set("cart", "book");
            });

            assertThat(store.get(fresh).orElseThrow().boundUser()).isEmpty();
            assertThat(store.sessionsOf("alice")).isEmpty();
        }

        @Test
        void aNodeAppRewritingTheDocumentWithTheSidecarKeepsItListed() {
            String id = login("alice");
            StoredSession stored = store.get(id).orElseThrow();
            // express-session copies unknown top-level keys back: a Node handler adds "visits" and saves.
            String rewritten = stored.json().replaceFirst("\\{\"cookie\"", "{\"visits\":1,\"cookie\"");
            store.set(id, new StoredSession(rewritten, stored.expires()));

            assertThat(manager.users().list("alice")).hasSize(1);
        }

        @Test
        void anEmptyKeyIsRefused() {
            assertThatThrownBy(() -> request(null, s -> s.bindUser(""))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class WhenAUsersSessionsAreListed {

        @Test
        void eachIsNamedByItsFingerprintWithItsTimesAndTheCurrentOneMarked() {
            String phone = login("alice");
            clock.advance(Duration.ofMinutes(5));
            String laptop = login("alice");
            login("bob");
            clock.advance(Duration.ofMinutes(1));
            List<UserSession>[] listed = new List[1];
            request(laptop, s -> listed[0] = manager.users().list(s));

            assertThat(listed[0]).extracting(UserSession::handle)
                    .containsExactly(SessionIds.fingerprint(laptop), SessionIds.fingerprint(phone));
            assertThat(listed[0]).extracting(UserSession::current).containsExactly(true, false);
            UserSession phoneRow = listed[0].get(1);
            assertThat(phoneRow.created()).contains(clock.instant().minus(Duration.ofMinutes(6)));
            assertThat(phoneRow.lastSeen()).contains(clock.instant().minus(Duration.ofMinutes(6)));
            assertThat(phoneRow.expires()).contains(clock.instant().minus(Duration.ofMinutes(6)).plus(MAX_AGE));
            assertThat(listed[0].toString()).doesNotContain(phone).doesNotContain(laptop);
        }

        @Test
        void eachShowsTheStringLabelsItsLoginStoredButNotItsCsrfToken() {
            request(null, s -> {
                s.regenerate();
                s.bindUser("alice");
                s.set("device", "Firefox on Linux");
                s.set("visits", 3);
                dev.cloakroom.CsrfTokens.token(s);
            });
            UserSession listed = manager.users().list("alice").get(0);

            assertThat(listed.attributeText("device")).contains("Firefox on Linux");
            assertThat(listed.attributeText("visits")).as("a number is no text").isEmpty();
            assertThat(listed.attributeText("absent")).isEmpty();
            assertThat(listed.attributeText(dev.cloakroom.CsrfTokens.ATTRIBUTE)).isEmpty();
        }

        @Test
        void anUnboundSessionCannotAskForItsUsersSessions() {
            assertThatThrownBy(() -> request(null, s -> manager.users().list(s)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("bindUser");
        }

        @Test
        void anUnknownUserHasNone() {
            assertThat(manager.users().list("nobody")).isEmpty();
        }
    }

    @Nested
    class WhenSessionsAreRevoked {

        @Test
        void revokeOthersDestroysEveryOtherSessionOfTheUserAndKeepsTheCurrentOne() {
            String a = login("alice");
            String b = login("alice");
            String c = login("alice");
            String bob = login("bob");
            int[] revoked = new int[1];
            request(a, s -> revoked[0] = manager.users().revokeOthers(s));

            assertThat(revoked[0]).isEqualTo(2);
            assertThat(alive(a)).isTrue();
            assertThat(alive(b)).isFalse();
            assertThat(alive(c)).isFalse();
            assertThat(alive(bob)).isTrue();
        }

        @Test
        void revokeAllDestroysEveryOneOfTheUser() {
            String a = login("alice");
            String b = login("alice");

            assertThat(manager.users().revokeAll("alice")).isEqualTo(2);
            assertThat(alive(a)).isFalse();
            assertThat(alive(b)).isFalse();
            assertThat(manager.users().list("alice")).isEmpty();
        }

        @Test
        void oneSessionIsRevokedByItsHandleAndOnlyForItsOwnUser() {
            String a = login("alice");
            String b = login("alice");
            String handle = SessionIds.fingerprint(b);

            assertThat(manager.users().revoke("bob", handle)).isFalse();
            assertThat(alive(b)).isTrue();
            assertThat(manager.users().revoke("alice", handle)).isTrue();
            assertThat(alive(b)).isFalse();
            assertThat(alive(a)).isTrue();
        }

        @Test
        void aRevokedSessionIsNotBroughtBackByTheRequestStillHoldingIt() {
            String a = login("alice");
            request(a, s -> {
                manager.users().revokeAll("alice");
                s.set("late", true);
            });

            assertThat(alive(a)).isFalse();
        }
    }

    @Nested
    class WhenTheStoreKeepsNoUserIndex {

        @Test
        void everyMethodSaysWhichStoreItIs() {
            CountingStore plain = new CountingStore();
            SessionManager unindexed = new SessionManager(SessionOptions.builder().secret(SECRET).store(plain).build());
            try {
                assertThatThrownBy(() -> unindexed.users().list("alice")).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining(CountingStore.class.getName()).hasMessageContaining("UserIndexedSessionStore");
                assertThatThrownBy(() -> unindexed.users().revokeAll("alice")).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining(CountingStore.class.getName());
                assertThatThrownBy(() -> unindexed.users().revoke("alice", "0123456789ab"))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining(CountingStore.class.getName());
            } finally {
                plain.delegate.close();
            }
        }
    }
}
