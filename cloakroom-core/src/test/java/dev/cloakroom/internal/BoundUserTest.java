package dev.cloakroom.internal;

import dev.cloakroom.StoredSession;
import dev.cloakroom.lifecycle.NoSessionIdInLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(NoSessionIdInLogs.class)
class BoundUserTest {

    @Test
    void readsTheUserFromTheSidecar() {
        String json = "{\"cookie\":{\"path\":\"/\"},\"cart\":{\"user\":\"not this\"},"
                + "\"__cloakroom\":{\"created\":1,\"types\":{\"cart\":\"x.Cart\"},\"user\":\"ada\"}}";

        assertThat(new StoredSession(json, null).boundUser()).hasValue("ada");
    }

    @Test
    void aFieldNameWrittenWithEscapesIsStillRead() {
        // Another writer may escape any character; JSON.parse reads "\u0075ser" as "user".
        assertThat(BoundUser.of("{\"cookie\":{},\"__cloakroom\":{\"\\u0075ser\":\"ada\"}}")).hasValue("ada");
        assertThat(BoundUser.of("{\"cookie\":{},\"__cloakroom\":{\"created\":1}}")).isEmpty();
    }

    @Test
    void aTopLevelUserAttributeIsNotABinding() {
        assertThat(BoundUser.of("{\"cookie\":{},\"user\":\"ada\",\"__cloakroom\":{\"created\":1}}")).isEmpty();
    }

    @Test
    void somethingElseThanANonEmptyStringIsNoBinding() {
        assertThat(BoundUser.of("{\"__cloakroom\":{\"user\":{\"name\":\"ada\"}}}")).isEmpty();
        assertThat(BoundUser.of("{\"__cloakroom\":{\"user\":\"\"}}")).isEmpty();
        assertThat(BoundUser.of("{\"__cloakroom\":\"ada\"}")).isEmpty();
    }

    @Test
    void aDocumentThatIsNotJsonIsBoundToNoOne() {
        assertThat(BoundUser.of("not json")).isEmpty();
        assertThat(BoundUser.of("{\"__cloakroom\":{\"user\":")).isEmpty();
        assertThat(BoundUser.of("[1,2]")).isEmpty();
    }
}
