package dev.cloakroom.lifecycle;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Behaviours the README lists as differing from express-session, each shown here. */
@ExtendWith(NoSessionIdInLogs.class)
class ExpressDifferencesTest extends LifecycleFixture {

    @Nested
    class KeyOrder {

        @Test
        void theSameObjectWithItsKeysInAnotherOrderIsNoChange() {
            Map<String, Object> ab = new LinkedHashMap<>();
            ab.put("a", 1);
            ab.put("b", 2);
            Map<String, Object> ba = new LinkedHashMap<>();
            ba.put("b", 2);
            ba.put("a", 1);
            String id = seed(s -> s.set("prefs", ab));

            withSession(cookieFor(id), s -> s.set("prefs", ba));

            assertThat(store.sets.get()).isZero();
            assertThat(storedJson(id).orElseThrow()).contains("\"prefs\":{\"a\":1,\"b\":2}");
        }
    }

    @Nested
    class WhenGenidReturnsNoId {

        @Test
        void theRequestFailsInsteadOfSkippingTheSave() {
            configure(b -> b.genid(request -> ""));
            assertThatThrownBy(() -> withSession(null, s -> s.set("a", 1)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("genid returned an empty session id");
            configure(b -> b.genid(request -> null));
            assertThatThrownBy(() -> withSession(null, s -> s.set("a", 1)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("genid");
        }
    }
}
