package dev.cloakroom.internal;

import dev.cloakroom.SameSite;
import dev.cloakroom.lifecycle.NoSessionIdInLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Saved}: when what a session holds counts as what is stored, the fact behind express's {@code isSaved}. */
@ExtendWith(NoSessionIdInLogs.class)
class SavedTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CookieState.Shape COOKIE = new CookieState.Shape(null, false, true, null, "/", SameSite.LAX, false, null);
    private static final CookieState.Shape REMEMBERED = new CookieState.Shape(2_592_000_000L, false, true, null, "/",
            SameSite.LAX, false, null);

    private final ObjectNode loaded = tree("{\"visits\":1}");
    private final Arrival arrival = new Arrival("id", loaded, COOKIE);

    @Test
    void withResaveOffALoadCountsAsStored() {
        Saved saved = Saved.atLoad(arrival, false);
        assertThat(saved.isOwed()).isFalse();
        assertThat(saved.isSavedAs(loaded, COOKIE, arrival, false)).isTrue();
    }

    @Test
    void withResaveOnALoadOwesASaveWhateverTheSessionHolds() {
        Saved saved = Saved.atLoad(arrival, true);
        assertThat(saved).isSameAs(Saved.OWED);
        assertThat(saved.isSavedAs(loaded, COOKIE, arrival, false)).isFalse();
    }

    @Test
    void aSnapshotOfTheArrivalTakesTheCommitsComparisonWithTheArrival() {
        // The tree is not compared a second time: the commit's answer stands, whatever the tree.
        Saved saved = Saved.atLoad(arrival, false);
        assertThat(saved.isSavedAs(tree("{\"visits\":1}"), COOKIE, arrival, true)).isFalse();
        assertThat(saved.isSavedAs(tree("{\"visits\":2}"), COOKIE, arrival, false)).isTrue();
    }

    @Test
    void aWrittenSnapshotComparesValuesAsJavaScriptWould() {
        Saved saved = new Saved(tree("{\"visits\":2}"), COOKIE);
        assertThat(saved.isSavedAs(tree("{\"visits\":2.0}"), COOKIE, arrival, true)).isTrue();
        assertThat(saved.isSavedAs(tree("{\"visits\":3}"), COOKIE, arrival, true)).isFalse();
    }

    @Test
    void aChangedCookieIsNotWhatIsStored() {
        Saved saved = Saved.atLoad(arrival, false);
        assertThat(saved.isSavedAs(loaded, REMEMBERED, arrival, false)).isFalse();
    }

    private static ObjectNode tree(String json) {
        return (ObjectNode) JSON.readTree(json);
    }
}
