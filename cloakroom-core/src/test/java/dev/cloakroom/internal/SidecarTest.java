package dev.cloakroom.internal;

import dev.cloakroom.lifecycle.NoSessionIdInLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The sidecar a save writes: the stored node itself while nothing in it would change, else a new one. */
@ExtendWith(NoSessionIdInLogs.class)
class SidecarTest {

    private static final JsonMapper MAPPER = new JsonMapper();

    private static ObjectNode node(String json) {
        return (ObjectNode) MAPPER.readTree(json);
    }

    private static Map<String, String> hints(String... pairs) {
        Map<String, String> hints = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            hints.put(pairs[i], pairs[i + 1]);
        }
        return hints;
    }

    @Test
    void theSameHintsWriteTheStoredNodeItself() {
        ObjectNode stored = node("{\"created\":1,\"user\":\"ada\",\"types\":{\"cart\":\"a.Cart\",\"n\":\"long\"}}");
        ObjectNode bare = node("{\"created\":1}");

        assertThat(Sidecar.read(stored).write(hints("cart", "a.Cart", "n", "long"))).isSameAs(stored);
        assertThat(Sidecar.read(bare).write(hints())).isSameAs(bare);
    }

    @Test
    void otherHintsWriteANewNodeAndLeaveTheStoredOneAlone() {
        String text = "{\"created\":1,\"types\":{\"cart\":\"a.Cart\",\"n\":\"long\"}}";
        ObjectNode stored = node(text);
        Sidecar sidecar = Sidecar.read(stored);

        assertThat(sidecar.write(hints("n", "long", "cart", "a.Cart")).toString())
                .isEqualTo("{\"created\":1,\"types\":{\"n\":\"long\",\"cart\":\"a.Cart\"}}");
        assertThat(sidecar.write(hints("cart", "a.Cart")).toString()).isEqualTo("{\"created\":1,\"types\":{\"cart\":\"a.Cart\"}}");
        assertThat(sidecar.write(hints()).toString()).isEqualTo("{\"created\":1}");
        assertThat(stored.toString()).isEqualTo(text);
    }

    @Test
    void aStoredNodeThatWouldBeWrittenOtherwiseIsNotReused() {
        ObjectNode typesFirst = node("{\"types\":{\"n\":\"long\"},\"created\":1}");
        ObjectNode oddType = node("{\"created\":1,\"types\":{\"n\":\"long\",\"odd\":7}}");

        assertThat(Sidecar.read(typesFirst).write(hints("n", "long")).toString())
                .isEqualTo("{\"created\":1,\"types\":{\"n\":\"long\"}}");
        assertThat(Sidecar.read(oddType).write(hints("n", "long")).toString())
                .isEqualTo("{\"created\":1,\"types\":{\"n\":\"long\"}}");
        assertThat(Sidecar.read(node("{}")).write(hints())).isNull();
    }
}
