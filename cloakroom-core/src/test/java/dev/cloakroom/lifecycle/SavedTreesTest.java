package dev.cloakroom.lifecycle;

import dev.cloakroom.SessionContext;
import dev.cloakroom.SessionManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a save, this process may read the session from the tree it wrote rather than from the
 * stored text. Every value then reads as it does in a process that only has the text: a long 5
 * comes back an int, a float a double, bytes as base64 text, and a handler's node changed after
 * the save is not what is read.
 */
@ExtendWith(NoSessionIdInLogs.class)
class SavedTreesTest extends LifecycleFixture {

    /** Values whose text reads back as another kind: the saved tree is left, and the text read. */
    private static final Map<String, Object> CHANGED_BY_TEXT = values("smallLong", 5L, "float", 1.5f,
            "decimal", new BigDecimal("1.10"), "bigInteger", BigInteger.TEN, "bytes", new byte[] {1, 2, 3},
            "short", (short) 7, "map", Map.of("n", 5L), "list", List.of(1L, 2.5f, "x"));
    /** Values whose text reads back node for node (a small long as an int): the saved tree may be read instead. */
    private static final Map<String, Object> KEPT_BY_TEXT = values("int", 5, "smallLong", 5L, "short", (short) 7,
            "bigLong", 1L << 40, "double", 0.25, "text", "Ada", "flag", true, "map", Map.of("n", 5, "tags", List.of("a", "b")), "list", List.of(1, 2.5, "x"));

    private static Map<String, Object> values(Object... pairs) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], pairs[i + 1]);
        }
        return values;
    }

    /** Every value of session {@code id} named in {@code names}, read untyped by a request through {@code m}. */
    private static Map<String, Object> readAll(SessionManager m, String id, Iterable<String> names) {
        Map<String, Object> values = new LinkedHashMap<>();
        SessionContext context = m.open(TestExchange.to("/").cookie(cookieFor(id)));
        names.forEach(name -> values.put(name, context.session().get(name).orElse(null)));
        context.commit();
        return values;
    }

    /**
     * Saves {@code values} and a node of the handler's own into a stored session, changes the node
     * after the save, and returns what this process reads, having checked it against what a
     * process that only has the stored text reads.
     */
    private Map<String, Object> saveThenRead(Map<String, Object> values) {
        String id = seed(s -> s.set("visits", 1));
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("n", 1);
        withSession(cookieFor(id), s -> {
            values.forEach(s::set);
            s.set("node", node).set("visits", 2);
        });
        assertThat(store.replaces.get()).isEqualTo(1);
        node.put("n", 2).put("added", "after the save");

        List<String> names = new ArrayList<>(values.keySet());
        names.add("node");
        names.add("visits");
        Map<String, Object> here = readAll(manager, id, names);
        Map<String, Object> elsewhere = readAll(manager(b -> { }), id, names);
        assertThat(here).usingRecursiveComparison().withStrictTypeChecking().isEqualTo(elsewhere);
        assertThat(here.get("node")).isEqualTo(Map.of("n", 1));
        assertThat(here.get("visits")).isEqualTo(2);
        return here;
    }

    @Test
    void valuesTheTextChangesReadAsTheTextHasThem() {
        Map<String, Object> read = saveThenRead(CHANGED_BY_TEXT);

        assertThat(read.get("decimal")).as("its scale is not in the text").isEqualTo(new BigDecimal("1.1"));
        assertThat(read.get("bytes")).isEqualTo("AQID");
    }

    @Test
    void valuesTheTextKeepsReadAsTheTextHasThem() {
        Map<String, Object> read = saveThenRead(KEPT_BY_TEXT);

        assertThat(read.get("bigLong")).isEqualTo(1L << 40);
        assertThat(read.get("smallLong")).as("by its type hint").isEqualTo(5L);
        assertThat(read.get("map")).isEqualTo(Map.of("n", 5, "tags", List.of("a", "b")));
    }

    @Test
    void aStoredNumberPastADoubleIsSavedAsNullAsJsonStringifyWouldWriteIt() {
        String id = "stored-by-another-app-0123456789";
        storeRaw(id, "{\"cookie\":{\"originalMaxAge\":null,\"expires\":null,\"httpOnly\":true,\"path\":\"/\"},"
                + "\"big\":1e999,\"list\":[1,{\"deep\":-1e999}],\"fine\":0.5}");
        withSession(cookieFor(id), s -> s.set("visits", 1));
        withSession(cookieFor(id), s -> s.set("visits", 2));

        assertThat(storedJson(id).orElseThrow()).contains("\"big\":null,\"list\":[1,{\"deep\":null}],\"fine\":0.5")
                .contains("\"visits\":2");
    }
}
