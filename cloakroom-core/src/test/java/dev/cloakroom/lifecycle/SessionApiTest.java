package dev.cloakroom.lifecycle;

import dev.cloakroom.Session;
import dev.cloakroom.SessionContext;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The smaller Session and SessionContext methods, each against what it promises. */
@ExtendWith(NoSessionIdInLogs.class)
class SessionApiTest extends LifecycleFixture {

    record Cart(String owner, List<String> items) {
    }

    @Nested
    class Clear {

        @Test
        void removesEveryAttributeButKeepsTheSessionAndItsId() {
            String id = seed(s -> s.set("user", "a").set("cart", "apple"));
            Response r = withSession(cookieFor(id), s -> {
                s.clear();
                assertThat(s.keys()).isEmpty();
                assertThat(s.id()).isEqualTo(id);
            });
            assertThat(r.setCookies()).isEmpty();
            assertThat(storedJson(id)).hasValueSatisfying(json ->
                    assertThat(json).doesNotContain("\"user\"").doesNotContain("\"cart\"").contains("\"cookie\""));
        }
    }

    @Nested
    class Remove {

        @Test
        void returnsTrueForAnAttributeThatWasThereAndStoresItsAbsence() {
            String id = seed(s -> s.set("user", "a"));
            withSession(cookieFor(id), s -> assertThat(s.remove("user")).isTrue());
            assertThat(storedJson(id)).hasValueSatisfying(json -> assertThat(json).doesNotContain("\"user\""));
        }

        @Test
        void returnsFalseForAnAttributeThatWasNot() {
            String id = seed(s -> s.set("user", "a"));
            withSession(cookieFor(id), s -> assertThat(s.remove("nobody")).isFalse());
            assertThat(store.sets.get()).isZero();
        }
    }

    @Nested
    class AsMap {

        @Test
        void showsTheAttributesInTheirJsonShapeWithoutCloakroomsOwnData() {
            String id = seed(s -> s.set("n", 1).set("cart", new Cart("a", List.of("apple"))));
            withSession(cookieFor(id), s -> assertThat(s.asMap())
                    .containsExactly(Map.entry("n", 1), Map.entry("cart", Map.of("owner", "a", "items", List.of("apple")))));
        }

        @Test
        void isASnapshotThatRefusesChanges() {
            withSession(null, s -> {
                s.set("n", 1);
                Map<String, Object> map = s.asMap();
                s.set("m", 2);
                assertThat(map).containsOnlyKeys("n");
                assertThatThrownBy(() -> map.put("x", 3)).isInstanceOf(UnsupportedOperationException.class);
            });
        }
    }

    @Nested
    class HasSignedCookie {

        private boolean hasSignedCookie(String cookie) {
            SessionContext context = manager.open(TestExchange.to("/").cookie(cookie));
            return context.hasSignedCookie();
        }

        @Test
        void isTrueForACookieSignedWithTheSecretEvenWithNoStoredSession() {
            assertThat(hasSignedCookie(cookieFor("not-in-the-store"))).isTrue();
            assertThat(store.gets.get()).isZero();
        }

        @Test
        void isFalseForNoCookieAnUnsignedOneOrABadSignature() {
            assertThat(hasSignedCookie(null)).isFalse();
            assertThat(hasSignedCookie("connect.sid=plain-id")).isFalse();
            assertThat(hasSignedCookie(cookieFor("an-id").replace("s%3Aan-id.", "s%3Aother-id."))).isFalse();
        }
    }

    @Nested
    class IsInvalidated {

        @Test
        void isFalseForALiveSession() {
            withSession(null, s -> assertThat(s.isInvalidated()).isFalse());
        }

        @Test
        void isTrueAfterDestroy() {
            String id = seed(s -> s.set("user", "a"));
            withSession(cookieFor(id), s -> {
                s.destroy();
                assertThat(s.isInvalidated()).isTrue();
            });
        }

        @Test
        void isTrueAfterUnset() {
            String id = seed(s -> s.set("user", "a"));
            withSession(cookieFor(id), s -> {
                s.unset();
                assertThat(s.isInvalidated()).isTrue();
            });
        }
    }

    @Nested
    class Get {

        @Test
        void throwsIllegalArgumentNamingTheAttributeWhenTheJsonCannotBeTheType() {
            String id = "Tq8pL2mWv7XcR4nZs0KyBhJd3FgUeAoi";
            storeRaw(id, "{\"cookie\":{\"originalMaxAge\":null,\"httpOnly\":true,\"path\":\"/\"},\"visits\":\"many\"}");
            withSession(cookieFor(id), s -> assertThatThrownBy(() -> s.get("visits", Integer.class))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'visits'"));
        }
    }

    @Nested
    class Set {

        @Test
        void refusesTheCookieKey() {
            withSession(null, s -> assertThatThrownBy(() -> s.set("cookie", "evil"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'cookie' is reserved"));
            assertThat(store.sets.get()).isZero();
        }

        @Test
        void refusesCloakroomsOwnKey() {
            withSession(null, s -> assertThatThrownBy(() -> s.set("__cloakroom", "evil"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved"));
        }
    }

    @Nested
    class AfterDestroy {

        /** Every call a destroyed session must refuse, by name. */
        private List<Map.Entry<String, Consumer<Session>>> calls() {
            List<Map.Entry<String, Consumer<Session>>> calls = new ArrayList<>();
            calls.add(Map.entry("get(typed)", s -> s.get("user", String.class)));
            calls.add(Map.entry("get(untyped)", s -> s.get("user")));
            calls.add(Map.entry("set", s -> s.set("user", "b")));
            calls.add(Map.entry("remove", s -> s.remove("user")));
            calls.add(Map.entry("clear", Session::clear));
            calls.add(Map.entry("keys", Session::keys));
            calls.add(Map.entry("has", s -> s.has("user")));
            calls.add(Map.entry("asMap", Session::asMap));
            calls.add(Map.entry("regenerate", Session::regenerate));
            calls.add(Map.entry("changeId", Session::changeId));
            calls.add(Map.entry("destroy", Session::destroy));
            calls.add(Map.entry("reload", Session::reload));
            calls.add(Map.entry("save", Session::save));
            calls.add(Map.entry("touch", Session::touch));
            calls.add(Map.entry("unset", Session::unset));
            return calls;
        }

        @Test
        void everyUseIsRefusedWithIllegalState() {
            String id = seed(s -> s.set("user", "a"));
            withSession(cookieFor(id), s -> {
                s.destroy();
                for (Map.Entry<String, Consumer<Session>> call : calls()) {
                    assertThatThrownBy(() -> call.getValue().accept(s)).as(call.getKey())
                            .isInstanceOf(IllegalStateException.class).hasMessageContaining("destroyed");
                }
            });
            assertThat(storedJson(id)).isEmpty();
            assertThat(store.sets.get()).isZero();
        }
    }
}
