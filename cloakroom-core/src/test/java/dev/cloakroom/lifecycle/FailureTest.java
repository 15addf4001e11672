package dev.cloakroom.lifecycle;

import dev.cloakroom.SessionStoreException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        void throwsSessionStoreExceptionWithoutTheSessionId() {
            store.failing = true;
            assertThatThrownBy(() -> withSession(cookieFor(ID), s -> { }))
                    .isInstanceOf(SessionStoreException.class)
                    .message().doesNotContain(ID);
        }

        @Test
        void throwsFromCommitWhenTheSaveFails() {
            String[] id = new String[1];
            assertThatThrownBy(() -> withSession(null, s -> {
                id[0] = s.id();
                s.set("user", "a");
                store.failing = true;
            })).isInstanceOf(SessionStoreException.class).message().doesNotContain(id[0]);
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
