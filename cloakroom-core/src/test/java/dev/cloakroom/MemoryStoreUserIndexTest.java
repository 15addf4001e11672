package dev.cloakroom;

import dev.cloakroom.lifecycle.NoSessionIdInLogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** MemoryStore's user index holds an entry exactly as long as the session, whichever way the session goes. */
@ExtendWith(NoSessionIdInLogs.class)
class MemoryStoreUserIndexTest {

    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final HandClock clock = new HandClock();
    private MemoryStore store = MemoryStore.builder().clock(clock).build();

    @AfterEach
    void close() {
        store.close();
    }

    private static String bound(String user) {
        return "{\"cookie\":{\"originalMaxAge\":60000,\"expires\":null,\"path\":\"/\"},\"__cloakroom\":{\"user\":\"" + user + "\"}}";
    }

    private StoredSession session(String user, Duration lifetime) {
        return new StoredSession(user == null ? "{\"cookie\":{}}" : bound(user), clock.now.plus(lifetime));
    }

    @Test
    void twoHundredExpiredSessionsLeaveNoEntryOnceSwept() {
        for (int i = 0; i < 200; i++) {
            store.set("id-" + i, session("user-" + (i % 7), Duration.ofMinutes(1)));
        }
        assertThat(store.indexEntries()).isEqualTo(207);

        clock.now = clock.now.plus(Duration.ofMinutes(2));
        store.sweep();

        assertThat(store.indexEntries()).isZero();
    }

    @Test
    void expiredSessionsFoundByAListingAreDroppedWithTheirEntries() {
        for (int i = 0; i < 200; i++) {
            store.set("id-" + i, session("alice", Duration.ofMinutes(1)));
        }
        clock.now = clock.now.plus(Duration.ofMinutes(2));

        assertThat(store.sessionsOf("alice")).isEmpty();
        assertThat(store.indexEntries()).isZero();
        assertThat(store.size()).isZero();
    }

    @Test
    void evictedSessionsTakeTheirEntriesWithThem() {
        store.close();
        store = MemoryStore.builder().clock(clock).maxSessions(10).build();
        for (int i = 0; i < 200; i++) {
            store.set("id-" + i, session("alice", Duration.ofHours(1)));
        }

        assertThat(store.size()).isEqualTo(10);
        assertThat(store.sessionsOf("alice")).hasSize(10).containsOnlyKeys(store.ids());
        assertThat(store.indexEntries()).isEqualTo(11);
    }

    @Test
    void aDocumentBoundToAnotherUserOrToNoneMovesOrDropsTheEntry() {
        store.set("id", session("alice", Duration.ofHours(1)));
        assertThat(store.replace("id", bound("alice"), session("bob", Duration.ofHours(1)))).isTrue();

        assertThat(store.sessionsOf("alice")).isEmpty();
        assertThat(store.sessionsOf("bob")).containsOnlyKeys("id");

        store.set("id", session(null, Duration.ofHours(1)));
        assertThat(store.sessionsOf("bob")).isEmpty();
        assertThat(store.indexEntries()).isZero();
    }

    @Test
    void destroyAndClearEmptyTheIndex() {
        store.set("a", session("alice", Duration.ofHours(1)));
        store.set("b", session("alice", Duration.ofHours(1)));
        store.destroy("a");
        assertThat(store.sessionsOf("alice")).containsOnlyKeys("b");

        store.clear();
        assertThat(store.indexEntries()).isZero();
    }
}
