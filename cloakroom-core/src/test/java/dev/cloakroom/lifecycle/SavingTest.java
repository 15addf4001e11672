package dev.cloakroom.lifecycle;

import tools.jackson.core.type.TypeReference;
import dev.cloakroom.SecureMode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(NoSessionIdInLogs.class)
class SavingTest extends LifecycleFixture {

    record Cart(String owner, List<String> items) {
    }

    @Nested
    class WhenSaveUninitializedIsOff {

        @Test
        void anUntouchedNewSessionIsNotSavedAndGetsNoCookie() {
            Response r = withSession(null, s -> { });
            assertThat(store.sets.get()).isZero();
            assertThat(store.touches.get()).isZero();
            assertThat(r.setCookies()).isEmpty();
        }

        @Test
        void aNewSessionWithAnAttributeIsSavedAndGetsACookie() {
            String[] id = new String[1];
            Response r = withSession(null, s -> {
                s.set("user", "a");
                id[0] = s.id();
            });
            assertThat(store.sets.get()).isOne();
            assertThat(r.cookie()).isEqualTo(cookieFor(id[0]));
            assertThat(storedJson(id[0])).hasValueSatisfying(json -> assertThat(json).contains("\"user\":\"a\""));
        }
    }

    @Nested
    class WhenSaveUninitializedIsOn {

        @Test
        void anUntouchedNewSessionIsSavedAndGetsACookie() {
            configure(b -> b.saveUninitialized(true));
            Response r = withSession(null, s -> { });
            assertThat(store.sets.get()).isOne();
            assertThat(r.setCookies()).hasSize(1);
        }
    }

    @Nested
    class WhenALoadedSessionIsUnchanged {

        @Test
        void isNotSavedButTouchedAndGetsNoCookie() {
            String id = seed(s -> s.set("user", "a"));
            Response r = withSession(cookieFor(id), s -> s.get("user", String.class));
            assertThat(store.sets.get()).isZero();
            assertThat(store.touches.get()).isOne();
            assertThat(r.setCookies()).isEmpty();
        }

        @Test
        void isSavedWhenResaveIsOn() {
            configure(b -> b.resave(true));
            String id = seed(s -> s.set("user", "a"));
            withSession(cookieFor(id), s -> { });
            assertThat(store.sets.get()).isOne();
        }

        @Test
        void getsACookieOnEveryRequestWhenRolling() {
            configure(b -> b.rolling(true));
            String id = seed(s -> s.set("user", "a"));
            for (int i = 0; i < 3; i++) {
                assertThat(withSession(cookieFor(id), s -> { }).cookie()).isEqualTo(cookieFor(id));
            }
            assertThat(store.sets.get()).isZero();
        }
    }

    @Nested
    class WhenALoadedSessionChanges {

        @Test
        void isSavedWithoutANewCookieForABrowserSessionCookie() {
            String id = seed(s -> s.set("visits", 1));
            Response r = withSession(cookieFor(id), s -> s.set("visits", 2));
            assertThat(store.sets.get()).isOne();
            assertThat(r.setCookies()).isEmpty();
        }

        @Test
        void isSavedWithAFreshCookieWhenTheCookieHasAMaxAge() {
            configure(b -> b.cookie(c -> c.maxAge(Duration.ofMinutes(5))));
            String id = seed(s -> s.set("visits", 1));
            Response r = withSession(cookieFor(id), s -> s.set("visits", 2));
            assertThat(store.sets.get()).isOne();
            assertThat(r.cookie()).isEqualTo(cookieFor(id));
            assertThat(r.setCookies().get(0)).contains("; Expires=");
        }

        @Test
        void countsAnInPlaceChangeToAListItRead() {
            String id = seed(s -> s.set("items", List.of("apple")));
            withSession(cookieFor(id), s -> s.get("items", new TypeReference<List<String>>() { })
                    .orElseThrow().add("pear"));
            assertThat(store.sets.get()).isOne();
            withSession(cookieFor(id), s -> assertThat(s.get("items", new TypeReference<List<String>>() { }))
                    .hasValue(List.of("apple", "pear")));
        }

        @Test
        void countsAnInPlaceChangeInsideARecord() {
            String id = seed(s -> s.set("cart", new Cart("a", new ArrayList<>(List.of("apple")))));
            withSession(cookieFor(id), s -> s.get("cart", Cart.class).orElseThrow().items().add("pear"));
            assertThat(store.sets.get()).isOne();
            withSession(cookieFor(id), s -> assertThat(s.get("cart", Cart.class).orElseThrow().items())
                    .containsExactly("apple", "pear"));
        }

        @Test
        void countsAnInPlaceChangeToAValueReadAsAJsonTree() {
            String id = seed(s -> s.set("prefs", java.util.Map.of("theme", "light")));
            withSession(cookieFor(id), s -> s.get("prefs", tools.jackson.databind.node.ObjectNode.class)
                    .orElseThrow().put("theme", "dark"));
            assertThat(store.sets.get()).isOne();
            withSession(cookieFor(id), s -> assertThat(s.get("prefs", tools.jackson.databind.node.ObjectNode.class)
                    .orElseThrow().get("theme").asText()).isEqualTo("dark"));
        }

        @Test
        void doesNotCountTheSameNumberWrittenBackInAnotherNotation() {
            String id = seed(s -> s.set("n", 1).set("price", 2.0));
            withSession(cookieFor(id), s -> s.set("n", 1).set("price", 2));
            assertThat(store.sets.get()).isZero();
        }

        @Test
        void savesOnlyTheTypeWhenTheSameNumberComesBackAsALong() {
            String id = seed(s -> s.set("n", 1));
            withSession(cookieFor(id), s -> s.set("n", 1L));
            assertThat(store.sets.get()).isEqualTo(1);
            withSession(cookieFor(id), s -> assertThat(s.get("n")).contains(1L));
        }

        @Test
        void countsAnInPlaceChangeAfterReadsOfTheSameStoredTextLeftItAlone() {
            // The stored text is parsed once and its tree shared between requests: what the reads
            // before left alone must not hide the later change.
            String id = seed(s -> s.set("cart", new Cart("a", new ArrayList<>(List.of("apple")))));
            for (int i = 0; i < 3; i++) {
                withSession(cookieFor(id), s -> s.get("cart", Cart.class).orElseThrow().items().size());
            }
            assertThat(store.sets.get()).isZero();
            withSession(cookieFor(id), s -> s.get("cart", Cart.class).orElseThrow().items().add("pear"));
            assertThat(store.sets.get()).isOne();
            withSession(cookieFor(id), s -> assertThat(s.get("cart", Cart.class).orElseThrow().items())
                    .containsExactly("apple", "pear"));
        }

        @Test
        void doesNotCountAValueAnotherWriterStoredInOtherKeyOrderAndNotation() {
            // Another writer (a Node app sharing the store) put the keys in another order and wrote
            // 2.0 for 2: the value writes out as other text, and is still the same JSON.
            String id = "another-writers-session-id-0001";
            storeRaw(id, "{\"cookie\":{\"originalMaxAge\":null,\"expires\":null,\"httpOnly\":true,\"path\":\"/\"},"
                    + "\"cart\":{\"items\":[\"apple\"],\"owner\":\"a\"},\"n\":2.0}");
            withSession(cookieFor(id), s -> {
                assertThat(s.get("cart", Cart.class)).hasValue(new Cart("a", List.of("apple")));
                assertThat(s.get("n", Integer.class)).hasValue(2);
            });
            assertThat(store.sets.get()).isZero();
        }

        @Test
        void doesNotCountAReadWithoutAChange() {
            String id = seed(s -> s.set("cart", new Cart("a", new ArrayList<>(List.of("apple")))));
            withSession(cookieFor(id), s -> s.get("cart", Cart.class).orElseThrow().items().size());
            assertThat(store.sets.get()).isZero();
        }
    }

    @Nested
    class WhenTheCookieIsSecureOnAPlainRequest {

        @Test
        void savesTheSessionButSendsNoCookie() {
            configure(b -> b.cookie(c -> c.secure(SecureMode.ALWAYS)));
            Response r = withSession(null, s -> s.set("user", "a"));
            assertThat(store.sets.get()).isOne();
            assertThat(r.setCookies()).isEmpty();
        }

        @Test
        void sendsTheCookieOverTls() {
            configure(b -> b.cookie(c -> c.secure(SecureMode.ALWAYS)));
            Response r = request(TestExchange.to("/").secure(), context -> context.session().set("user", "a"));
            assertThat(r.setCookies()).singleElement().asString().contains("; Secure");
        }
    }
}
