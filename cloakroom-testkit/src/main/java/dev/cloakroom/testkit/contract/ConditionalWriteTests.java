package dev.cloakroom.testkit.contract;

import dev.cloakroom.SessionStore;
import dev.cloakroom.StoredSession;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link SessionStore#replace}: the compare-and-set that keeps concurrent saves from losing updates. */
public abstract class ConditionalWriteTests {

    /** {@return the store under test, fresh for each test} */
    protected abstract SessionStore store();

    private static StoredSession doc(String marker, Instant expires) {
        return new StoredSession("{\"cookie\":{\"originalMaxAge\":null,\"expires\":null,\"httpOnly\":true,\"path\":\"/\"},"
                + "\"marker\":\"" + marker + "\"}", expires);
    }

    private static Instant later() {
        return Instant.now().plus(Duration.ofHours(1));
    }

    @Test
    void replacesWhenTheStoredDocumentIsTheOneExpected() {
        StoredSession first = doc("first", later());
        store().set("cas-1", first);
        String seen = store().get("cas-1").orElseThrow().json();

        assertThat(store().replace("cas-1", seen, doc("second", later()))).isTrue();
        assertThat(store().get("cas-1").orElseThrow().json()).contains("\"second\"");
    }

    @Test
    void refusesWhenAnotherWriteCameFirst() {
        store().set("cas-2", doc("first", later()));
        String seen = store().get("cas-2").orElseThrow().json();
        store().set("cas-2", doc("theirs", later()));

        assertThat(store().replace("cas-2", seen, doc("ours", later()))).isFalse();
        assertThat(store().get("cas-2").orElseThrow().json()).contains("\"theirs\"");
    }

    @Test
    void refusesAndCreatesNothingWhenTheSessionIsGone() {
        store().set("cas-3", doc("first", later()));
        String seen = store().get("cas-3").orElseThrow().json();
        store().destroy("cas-3");

        assertThat(store().replace("cas-3", seen, doc("ours", later()))).isFalse();
        assertThat(store().get("cas-3")).isEmpty();
    }

    @Test
    void refusesForAnIdNeverStored() {
        assertThat(store().replace("cas-never", doc("x", later()).json(), doc("ours", later()))).isFalse();
        assertThat(store().get("cas-never")).isEmpty();
    }

    @Test
    void aTouchLeavesTheDocumentComparable() {
        store().set("cas-4", doc("first", later()));
        String seen = store().get("cas-4").orElseThrow().json();
        store().touch("cas-4", doc("handed-to-touch", Instant.now().plus(Duration.ofDays(1))));

        assertThat(store().replace("cas-4", seen, doc("second", later()))).isTrue();
    }
}
