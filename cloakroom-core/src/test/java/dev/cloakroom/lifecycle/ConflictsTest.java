package dev.cloakroom.lifecycle;

import dev.cloakroom.SessionConflictException;
import dev.cloakroom.SessionTooLargeException;
import dev.cloakroom.StoredSession;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Saves of a loaded session that meet another request's write: how much a conflict costs, where
 * it stops, and the read check that keeps an invariant across attributes. "Meanwhile" is a second
 * request run to completion inside the first one's handler, so the race is deterministic.
 */
@ExtendWith(NoSessionIdInLogs.class)
class ConflictsTest extends LifecycleFixture {

    @Nested
    class WhenTheSessionStaysContended {

        @Test
        void givesUpAfterTenAttemptsWithAConflict() {
            String id = seed(s -> s.set("n", 1));
            store.losesEveryReplace = true;

            assertThatThrownBy(() -> withSession(cookieFor(id), s -> s.set("n", 2)))
                    .isInstanceOf(SessionConflictException.class)
                    .hasMessageContaining("10")
                    .hasMessageNotContaining(id);
            assertThat(store.replaces.get()).isEqualTo(10);
            assertThat(storedJson(id)).hasValueSatisfying(json -> assertThat(json).contains("\"n\":1"));
        }
    }

    @Nested
    class WhenAnotherRequestSavedMeanwhile {

        @Test
        void keepsTheOtherAttributesTextAsStoredRatherThanEncodingItAgain() {
            String id = seed(s -> s.set("mine", 0));
            String other = "{\"cookie\":{\"originalMaxAge\":null,\"expires\":null,\"secure\":false,\"httpOnly\":true,\"path\":\"/\"},"
                    + "\"mine\":0,   \"theirs\" :  [1,  2.50,{\"a\" : \"\\u0041\"}]}";

            withSession(cookieFor(id), s -> {
                s.set("mine", 1);
                store.delegate.set(id, new StoredSession(other, null));
            });

            assertThat(storedJson(id)).hasValueSatisfying(json -> assertThat(json)
                    .contains("\"theirs\" :  [1,  2.50,{\"a\" : \"\\u0041\"}]")
                    .contains("\"mine\":1"));
        }

        @Test
        void mergesAttributesThisRequestOnlyRead() {
            String id = seed(s -> s.set("a", 1).set("b", 1));

            withSession(cookieFor(id), s -> {
                s.get("a", Integer.class);
                s.set("b", 2);
                withSession(cookieFor(id), other -> other.set("a", 5).set("c", 1));
            });

            assertThat(storedJson(id)).hasValueSatisfying(json -> assertThat(json)
                    .contains("\"a\":5").contains("\"b\":2").contains("\"c\":1"));
        }

        @Test
        void dropsAnAttributeThisRequestRemovedAndKeepsOneTheOtherAdded() {
            String id = seed(s -> s.set("a", 1).set("b", 1));

            withSession(cookieFor(id), s -> {
                s.remove("a");
                withSession(cookieFor(id), other -> other.set("c", 1));
            });

            assertThat(storedJson(id)).hasValueSatisfying(json -> assertThat(json)
                    .doesNotContain("\"a\"").contains("\"b\":1").contains("\"c\":1"));
        }
    }

    @Nested
    class WhenReadsAreChecked {

        @Test
        void refusesTheSaveWhenAnAttributeItReadWasChanged() {
            String id = seed(s -> s.set("visits", 1));

            assertThatThrownBy(() -> withSession(cookieFor(id), s -> {
                s.checkReads();
                int visits = s.get("visits", Integer.class).orElse(0);
                withSession(cookieFor(id), other -> other.set("visits", 7));
                s.set("visits", visits + 1);
            })).isInstanceOf(SessionConflictException.class).hasMessageNotContaining(id);

            assertThat(storedJson(id)).hasValueSatisfying(json -> assertThat(json).contains("\"visits\":7"));
        }

        @Test
        void refusesTheSaveWhenAnAttributeWasAddedAfterItListedThem() {
            String id = seed(s -> s.set("pref.a", "x"));

            assertThatThrownBy(() -> withSession(cookieFor(id), s -> {
                s.checkReads();
                long count = s.keys().size();
                withSession(cookieFor(id), other -> other.set("pref.b", "y"));
                s.set("pref.c", "count was " + count);
            })).isInstanceOf(SessionConflictException.class);

            assertThat(storedJson(id)).hasValueSatisfying(json -> assertThat(json).doesNotContain("pref.c"));
        }

        @Test
        void refusesTheSaveWhenAnAttributeItAskedAboutAppeared() {
            String id = seed(s -> s.set("a", 1));

            assertThatThrownBy(() -> withSession(cookieFor(id), s -> {
                s.checkReads();
                boolean had = s.has("lock");
                withSession(cookieFor(id), other -> other.set("lock", true));
                s.set("a", had ? 3 : 2);
            })).isInstanceOf(SessionConflictException.class);
        }

        @Test
        void stillMergesChangesToAttributesItDidNotRead() {
            String id = seed(s -> s.set("visits", 1).set("theme", "dark"));

            withSession(cookieFor(id), s -> {
                s.checkReads();
                int visits = s.get("visits", Integer.class).orElse(0);
                withSession(cookieFor(id), other -> other.set("theme", "light"));
                s.set("visits", visits + 1);
            });

            assertThat(storedJson(id)).hasValueSatisfying(json -> assertThat(json)
                    .contains("\"visits\":2").contains("\"theme\":\"light\""));
        }

        @Test
        void withoutTheCheckTheReadModifyWriteMerges() {
            String id = seed(s -> s.set("visits", 1));

            withSession(cookieFor(id), s -> {
                int visits = s.get("visits", Integer.class).orElse(0);
                withSession(cookieFor(id), other -> other.set("visits", 7));
                s.set("visits", visits + 1);
            });

            assertThat(storedJson(id)).hasValueSatisfying(json -> assertThat(json).contains("\"visits\":2"));
        }
    }

    @Nested
    class WhenASaveWouldGoOverMaxSessionBytes {

        @Test
        void refusesANewSessionAndStoresNothing() {
            configure(b -> b.maxSessionBytes(2048));
            String[] id = new String[1];

            assertThatThrownBy(() -> withSession(null, s -> {
                id[0] = s.id();
                s.set("big", "x".repeat(2048));
            })).isInstanceOf(SessionTooLargeException.class)
                    .hasMessageContaining("maxSessionBytes (2048)")
                    .satisfies(e -> assertThat(((SessionTooLargeException) e).bytes()).isGreaterThan(2048));

            assertThat(storedJson(id[0])).isEmpty();
        }

        @Test
        void countsUtf8BytesNotCharacters() {
            configure(b -> b.maxSessionBytes(2048));

            assertThatThrownBy(() -> withSession(null, s -> s.set("big", "é".repeat(1000))))
                    .isInstanceOf(SessionTooLargeException.class);
        }

        @Test
        void refusesAChangeToALoadedSessionAndKeepsWhatWasStored() {
            configure(b -> b.maxSessionBytes(2048));
            String id = seed(s -> s.set("small", "x"));

            assertThatThrownBy(() -> withSession(cookieFor(id), s -> s.set("big", "x".repeat(2048))))
                    .isInstanceOf(SessionTooLargeException.class);

            assertThat(storedJson(id)).hasValueSatisfying(json -> assertThat(json).contains("\"small\":\"x\"").doesNotContain("big"));
        }

        @Test
        void refusesAMergeThatWouldGoOverEvenThoughEachRequestAloneFits() {
            configure(b -> b.maxSessionBytes(2048));
            String id = seed(s -> s.set("small", "x"));

            assertThatThrownBy(() -> withSession(cookieFor(id), s -> {
                s.set("mine", "m".repeat(1000));
                withSession(cookieFor(id), other -> other.set("theirs", "t".repeat(1000)));
            })).isInstanceOf(SessionTooLargeException.class);

            assertThat(storedJson(id)).hasValueSatisfying(json -> assertThat(json).contains("ttt").doesNotContain("mmm"));
        }

        @Test
        void savesASessionJustUnderTheLimit() {
            configure(b -> b.maxSessionBytes(4096));
            String id = seed(s -> s.set("big", "x".repeat(3500)));

            assertThat(storedJson(id)).isPresent();
        }
    }
}
