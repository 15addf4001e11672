package dev.cloakroom.testkit.contract;

import dev.cloakroom.SessionStore;
import dev.cloakroom.StoredSession;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A store that keeps {@link SessionStore#replace}'s default (read, compare, then write) is not a
 * compare-and-set, so concurrent requests can lose each other's updates; the contract's race test
 * must say so, or it would pass a store that breaks Cloakroom's main guarantee.
 */
class DefaultReplaceTest {

    /** get, set and destroy only, over a map; each read's answer takes a moment to arrive, as over a network. */
    private static final class DefaultReplaceStore implements SessionStore {
        private final Map<String, StoredSession> sessions = new ConcurrentHashMap<>();

        @Override
        public Optional<StoredSession> get(String id) {
            StoredSession read = sessions.get(id);
            LockSupport.parkNanos(1_000_000);
            return Optional.ofNullable(read);
        }

        @Override
        public void set(String id, StoredSession session) {
            sessions.put(id, session);
        }

        @Override
        public void destroy(String id) {
            sessions.remove(id);
        }
    }

    @Test
    void theContractsRaceTestFailsAStoreWithoutARealCompareAndSet() {
        SessionStore store = new DefaultReplaceStore();
        CompareAndSetRaceTests race = new CompareAndSetRaceTests() {
            @Override
            protected SessionStore store() {
                return store;
            }
        };
        assertThatThrownBy(race::exactlyOneOfSixteenRacingReplacesWinsAndItsDocumentIsStored)
                .isInstanceOf(AssertionError.class).hasMessageContaining("writers whose replace returned true");
    }
}
