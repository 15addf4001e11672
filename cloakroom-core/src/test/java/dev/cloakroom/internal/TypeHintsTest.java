package dev.cloakroom.internal;

import dev.cloakroom.lifecycle.NoSessionIdInLogs;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(NoSessionIdInLogs.class)
class TypeHintsTest {

    record Item(String sku) {
    }

    @Nested
    class Making {

        @Test
        void plainJsonValuesNeedNone() {
            assertThat(TypeHints.of("a")).isNull();
            assertThat(TypeHints.of(1)).isNull();
            assertThat(TypeHints.of(1.5)).isNull();
            assertThat(TypeHints.of(true)).isNull();
            assertThat(TypeHints.of(new ArrayList<>(List.of("a", "b")))).isNull();
            assertThat(TypeHints.of(new java.util.LinkedHashMap<>(Map.of("a", 1)))).isNull();
            assertThat(TypeHints.of(JsonMapper.builder().build().createObjectNode())).isNull();
        }

        @Test
        void otherValuesNameTheirTypeWithTheirElements() {
            assertThat(TypeHints.of(5L)).isEqualTo("java.lang.Long");
            assertThat(TypeHints.of(Instant.EPOCH)).isEqualTo("java.time.Instant");
            assertThat(TypeHints.of(List.of(new Item("a")))).isEqualTo("java.util.ArrayList<" + Item.class.getName() + ">");
            assertThat(TypeHints.of(Set.of("a"))).isEqualTo("java.util.LinkedHashSet<java.lang.String>");
            assertThat(TypeHints.of(new TreeMap<>(Map.of("k", 2L)))).isEqualTo("java.util.TreeMap<java.lang.String,java.lang.Long>");
            assertThat(TypeHints.of(List.of(1L, "mixed"))).as("mixed elements stay JSON").isNull();
        }

        @Test
        void valuesWithoutANameableClassGetNone() {
            assertThat(TypeHints.of(new Object() { })).isNull();
            assertThat(TypeHints.of(new int[] {1})).isNull();
        }
    }

    @Nested
    class Parsing {

        @Test
        void listsEveryClassNamed() {
            assertThat(TypeHints.classNames("java.util.HashMap<java.lang.String,java.util.List<a.B>>"))
                    .containsExactly("java.util.HashMap", "java.lang.String", "java.util.List", "a.B");
            assertThat(TypeHints.classNames("a.B<c.D<e.F>,g.H>")).containsExactly("a.B", "c.D", "e.F", "g.H");
        }

        @Test
        void refusesAnythingMalformed() {
            for (String bad : List.of("a.B<", "a.B>", "<a.B>", "a.B<,c.D>", "a.B,c.D", "a.B c.D", "a.B;", "[La.B;", "a.B<c.D>>")) {
                assertThat(TypeHints.classNames(bad)).as(bad).isEmpty();
            }
        }
    }

    @Nested
    class MergingConcurrentWrites {

        private final JsonMapper json = JsonMapper.builder().build();

        private ObjectNode doc(String text) {
            return (ObjectNode) json.readTree(text);
        }

        @Test
        void keepsTheTypeHintsOfBothRequests() {
            ObjectNode base = doc("{\"__cloakroom\":{\"created\":1}}");
            ObjectNode theirs = doc("{\"a\":1,\"__cloakroom\":{\"created\":1,\"types\":{\"a\":\"java.lang.Long\"}}}");
            ObjectNode ours = doc("{\"b\":\"2026-01-01T00:00:00Z\",\"__cloakroom\":{\"created\":1,\"types\":{\"b\":\"java.time.Instant\"}}}");
            ObjectNode merged = ConflictFreeWriter.applyOwnChanges(theirs, base, ours);
            assertThat(merged.get("__cloakroom").get("types").propertyNames()).containsExactlyInAnyOrder("a", "b");
            assertThat(merged.get("__cloakroom").get("created").asLong()).isEqualTo(1);
        }

        @Test
        void dropsTheHintOfAnAttributeThisRequestRemoved() {
            ObjectNode base = doc("{\"a\":1,\"__cloakroom\":{\"types\":{\"a\":\"java.lang.Long\"}}}");
            ObjectNode theirs = doc("{\"a\":1,\"c\":3,\"__cloakroom\":{\"types\":{\"a\":\"java.lang.Long\",\"c\":\"java.lang.Long\"}}}");
            ObjectNode ours = doc("{}");
            ObjectNode merged = ConflictFreeWriter.applyOwnChanges(theirs, base, ours);
            assertThat(merged.has("a")).isFalse();
            assertThat(merged.get("__cloakroom").get("types").propertyNames()).containsExactly("c");
        }
    }
}
