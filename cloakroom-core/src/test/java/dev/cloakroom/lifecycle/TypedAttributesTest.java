package dev.cloakroom.lifecycle;

import dev.cloakroom.AttributeTypes;
import dev.cloakroom.lifecycle.gadget.Gadget;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(NoSessionIdInLogs.class)
class TypedAttributesTest extends LifecycleFixture {

    private static final String ID = "Tq8pL2mWv7XcR4nZs0KyBhJd3FgUeAoi";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Item(String sku, int quantity) {
    }

    record Cart(List<Item> items) {
    }

    enum Plan { FREE, PRO }

    /** A value Jackson cannot write: its only property throws. */
    static final class Broken {
        public String getValue() {
            throw new IllegalStateException("no value");
        }
    }

    @BeforeEach
    void allowThisPackage() {
        configure(b -> b.attributeTypes(AttributeTypes.builder().allowPackages("dev.cloakroom.lifecycle").build()));
    }

    private Object readBack(String id, String key) {
        Object[] value = new Object[1];
        withSession(cookieFor(id), s -> value[0] = s.get(key).orElse(null));
        return value[0];
    }

    private JsonNode stored(String id) {
        return JSON.readTree(storedJson(id).orElseThrow());
    }

    @Nested
    class WhenTheTypeIsAllowed {

        @Test
        void recordsEnumsLongsAndInstantsComeBackAsTheirOwnTypes() {
            Instant at = Instant.parse("2026-12-01T10:15:30.123Z");
            Cart cart = new Cart(List.of(new Item("apple", 2)));
            String id = seed(s -> s.set("cart", cart).set("plan", Plan.PRO).set("big", 5L).set("at", at));
            assertThat(readBack(id, "cart")).isEqualTo(cart);
            assertThat(readBack(id, "plan")).isEqualTo(Plan.PRO);
            assertThat(readBack(id, "big")).isEqualTo(5L);
            assertThat(readBack(id, "at")).isEqualTo(at);
        }

        @Test
        void collectionsAndMapsOfThemComeBackTyped() {
            List<Item> items = new ArrayList<>(List.of(new Item("a", 1), new Item("b", 2)));
            Map<String, Cart> carts = new LinkedHashMap<>(Map.of("home", new Cart(List.of(new Item("c", 3)))));
            Set<String> tags = new LinkedHashSet<>(List.of("x", "y"));
            String id = seed(s -> s.set("items", items).set("carts", carts).set("tags", tags).set("ids", List.of(1L, 2L)));
            assertThat(readBack(id, "items")).isEqualTo(items);
            assertThat(readBack(id, "carts")).isEqualTo(carts);
            assertThat(readBack(id, "tags")).isInstanceOf(Set.class).isEqualTo(tags);
            assertThat(readBack(id, "ids")).isEqualTo(List.of(1L, 2L));
        }

        @Test
        void theValuesOwnJsonStaysPlainAndTheTypeSitsInTheSidecar() {
            String id = seed(s -> s.set("cart", new Cart(List.of(new Item("apple", 2)))).set("name", "ada"));
            JsonNode doc = stored(id);
            assertThat(doc.get("cart").toString()).isEqualTo("{\"items\":[{\"sku\":\"apple\",\"quantity\":2}]}");
            assertThat(doc.get("__cloakroom").get("types").get("cart").asString()).isEqualTo(Cart.class.getName());
            assertThat(doc.get("__cloakroom").get("types").has("name")).as("a string needs no hint").isFalse();
        }

        @Test
        void readingWithoutAChangeWritesNothing() {
            String id = seed(s -> s.set("cart", new Cart(List.of(new Item("apple", 2)))));
            withSession(cookieFor(id), s -> assertThat(s.get("cart")).containsInstanceOf(Cart.class));
            assertThat(store.sets.get()).isZero();
        }

        @Test
        void theSidecarIsNoAttribute() {
            String id = seed(s -> s.set("cart", new Cart(List.of())));
            withSession(cookieFor(id), s -> {
                assertThat(s.keys()).containsExactly("cart");
                assertThat(s.has("__cloakroom")).isFalse();
                assertThat(s.asMap()).containsOnlyKeys("cart");
                assertThatThrownBy(() -> s.set("__cloakroom", "x")).hasMessageContaining("reserved");
            });
        }
    }

    @Nested
    class WhenTheStoredHintIsNotAllowed {

        private String storeWithHint(String attribute, String hint) {
            storeRaw(ID, "{\"cookie\":{\"originalMaxAge\":null,\"expires\":null,\"httpOnly\":true,\"path\":\"/\"},"
                    + "\"" + attribute + "\":{\"command\":\"rm -rf /\"},"
                    + "\"__cloakroom\":{\"types\":{\"" + attribute + "\":\"" + hint + "\"}}}");
            return ID;
        }

        @Test
        void aGadgetClassIsNeverLoadedAndTheValueReadsAsAbsent() {
            configure(b -> b.attributeTypes(AttributeTypes.builder().allowPackages("dev.cloakroom.other").build()));
            int before = Gadget.initialized;
            storeWithHint("prefs", Gadget.class.getName());
            try (ConsoleCopy log = new ConsoleCopy()) {
                assertThat(readBack(ID, "prefs")).isNull();
                assertThat(log.text()).contains("session attribute 'prefs' reads as absent")
                        .contains("not an allowed attribute type").doesNotContain(ID);
            }
            assertThat(Gadget.initialized).as("the class was not even initialized").isEqualTo(before);
        }

        @Test
        void javaNetUrlIsRefused() {
            storeWithHint("home", "java.net.URL");
            assertThat(readBack(ID, "home")).isNull();
        }

        @Test
        void aHintHiddenInsideAGenericTypeIsRefused() {
            storeWithHint("list", "java.util.ArrayList<java.net.URL>");
            assertThat(readBack(ID, "list")).isNull();
        }

        @Test
        void aMalformedOrMissingClassReadsAsAbsent() {
            storeWithHint("a", "java.util.ArrayList<<dev.cloakroom.lifecycle.X");
            assertThat(readBack(ID, "a")).isNull();
            storeWithHint("b", "dev.cloakroom.lifecycle.NoSuchClass");
            assertThat(readBack(ID, "b")).isNull();
        }

        @Test
        void jsonThatDoesNotFitTheTypeReadsAsAbsent() {
            storeWithHint("cart", Cart.class.getName() + "X");
            assertThat(readBack(ID, "cart")).isNull();
            storeWithHint("n", "java.lang.Long");
            assertThat(readBack(ID, "n")).isNull();
        }

        @Test
        void theRefusedValueStaysStoredAndATypedReadStillSeesIt() {
            storeWithHint("prefs", "java.net.URL");
            withSession(cookieFor(ID), s -> {
                assertThat(s.get("prefs")).isEmpty();
                assertThat(s.keys()).contains("prefs");
                assertThat(s.get("prefs", Map.class)).contains(Map.of("command", "rm -rf /"));
            });
            assertThat(store.sets.get()).as("nothing was rewritten").isZero();
        }

        @Test
        void aValueSetAfterTheRefusalReadsNormally() {
            storeWithHint("prefs", "java.net.URL");
            withSession(cookieFor(ID), s -> {
                assertThat(s.get("prefs")).isEmpty();
                s.set("prefs", "dark");
                assertThat(s.get("prefs")).contains("dark");
            });
        }

        @Test
        void tooBroadAPackageIsRefusedAtStartup() {
            assertThatThrownBy(() -> AttributeTypes.builder().allowPackages("java"))
                    .hasMessageContaining("attributeTypes.allowPackages").hasMessageContaining("too broad");
            assertThatThrownBy(() -> AttributeTypes.builder().allowPackages("org.springframework"))
                    .hasMessageContaining("too broad");
            assertThatThrownBy(() -> AttributeTypes.builder().allowPackages("not a package"))
                    .hasMessageContaining("not a package name");
        }
    }

    @Nested
    class WhenAnotherAppWroteTheValue {

        @Test
        void itComesBackInItsJsonShape() {
            storeRaw(ID, "{\"cookie\":{\"originalMaxAge\":null,\"expires\":null,\"httpOnly\":true,\"path\":\"/\"},"
                    + "\"cart\":{\"items\":[{\"sku\":\"a\",\"quantity\":1}]}}");
            assertThat(readBack(ID, "cart")).isEqualTo(Map.of("items", List.of(Map.of("sku", "a", "quantity", 1))));
        }
    }

    /** The README's list of types allowed without configuration; each needs a noted type to come back as itself. */
    @Nested
    class WhenOnlyTheDefaultsAreAllowed {

        @Test
        void theListedTypesComeBackAsThemselvesFromAnUntypedRead() {
            configure(b -> b.attributeTypes(AttributeTypes.defaults()));
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("char", 'x');
            values.put("short", (short) 7);
            values.put("float", 1.5f);
            values.put("long", 1L << 40);
            values.put("decimal", new java.math.BigDecimal("12.5"));
            values.put("big", new java.math.BigInteger("123456789012345678901234567890"));
            values.put("uuid", java.util.UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
            values.put("locale", java.util.Locale.CANADA_FRENCH);
            values.put("currency", java.util.Currency.getInstance("EUR"));
            values.put("instant", Instant.parse("2026-12-01T10:15:30Z"));
            values.put("date", java.time.LocalDate.of(2026, 12, 1));
            values.put("duration", java.time.Duration.ofMinutes(90));
            values.put("month", java.time.Month.MAY);
            values.put("set", new java.util.TreeSet<>(Set.of("b", "a")));
            values.put("map", new java.util.TreeMap<>(Map.of("k", 2L)));
            String id = seed(s -> values.forEach(s::set));

            values.forEach((key, value) -> {
                Object back = readBack(id, key);
                assertThat(back).as(key).isInstanceOf(value.getClass()).isEqualTo(value);
            });
        }

        /**
         * A known limit, stated in the README: the stored document is parsed with floating-point
         * numbers as doubles, so a BigDecimal comes back a BigDecimal, but with a double's precision.
         */
        @Test
        void aBigDecimalComesBackWithADoublesPrecisionOnly() {
            configure(b -> b.attributeTypes(AttributeTypes.defaults()));
            String id = seed(s -> s.set("amount", new java.math.BigDecimal("1234567890.123456789012345678"))
                    .set("price", new java.math.BigDecimal("12.50")));
            assertThat(readBack(id, "amount")).isEqualTo(new java.math.BigDecimal("1234567890.1234567"));
            assertThat(readBack(id, "price")).isEqualTo(new java.math.BigDecimal("12.5"));
        }
    }

    @Nested
    class WhenTheTypeIsNotAllowed {

        @Test
        void anUntypedReadGivesNothingWithAWarningNamingTheType() {
            configure(b -> b.attributeTypes(AttributeTypes.defaults()));
            String id = seed(s -> s.set("cart", new Cart(List.of(new Item("apple", 2)))));
            try (ConsoleCopy log = new ConsoleCopy()) {
                assertThat(readBack(id, "cart")).isNull();
                assertThat(log.text()).contains("session attribute 'cart' reads as absent: the type hint names "
                        + Cart.class.getName() + ", which is not an allowed attribute type");
            }
        }

        @Test
        void itsTypeIsStillNotedSoAllowingItLaterMakesTheStoredValueReadable() {
            configure(b -> b.attributeTypes(AttributeTypes.defaults()));
            Cart cart = new Cart(List.of(new Item("apple", 2)));
            String id = seed(s -> s.set("cart", cart));
            assertThat(stored(id).get("__cloakroom").get("types").get("cart").asString()).isEqualTo(Cart.class.getName());

            allowThisPackage();

            assertThat(readBack(id, "cart")).isEqualTo(cart);
        }

        @Test
        void aTypedReadStillWorks() {
            configure(b -> b.attributeTypes(AttributeTypes.defaults()));
            Cart cart = new Cart(List.of(new Item("apple", 2)));
            String id = seed(s -> s.set("cart", cart));
            withSession(cookieFor(id), s -> assertThat(s.get("cart", Cart.class)).contains(cart));
        }
    }

    @Nested
    class WhenAValueCannotBeWritten {

        @Test
        void setFailsNamingTheAttributeAndTheClass() {
            withSession(null, s -> assertThatThrownBy(() -> s.set("broken", new Broken()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'broken'").hasMessageContaining(Broken.class.getName()));
        }
    }

    @Nested
    class WhenAValueIsReadAsTheWrongType {

        private static final String STORED = "{\"cookie\":{\"originalMaxAge\":null,\"httpOnly\":true,\"path\":\"/\"},"
                + "\"n\":\"private words\",\"count\":7,\"cart\":{\"items\":[]},\"tags\":[\"a\"],\"on\":true}";

        private void readingFails(String key, Class<?> type, String message) {
            storeRaw(ID, STORED);
            withSession(cookieFor(ID), s -> assertThatThrownBy(() -> s.get(key, type))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(message)
                    .hasMessageNotContaining("simple type")
                    .hasMessageNotContaining("private words"));
        }

        @Test
        void aStringReadAsAnIntegerSaysSoInPlainWords() {
            readingFails("n", Integer.class, "session attribute 'n' holds a JSON string, which cannot be read as java.lang.Integer");
        }

        @Test
        void aNumberReadAsARecordSaysSoInPlainWords() {
            readingFails("count", Cart.class, "session attribute 'count' holds a JSON number, which cannot be read as "
                    + Cart.class.getName());
        }

        @Test
        void objectsArraysAndBooleansAreNamedToo() {
            readingFails("cart", Integer.class, "session attribute 'cart' holds a JSON object, which cannot be read as java.lang.Integer");
            readingFails("tags", Cart.class, "session attribute 'tags' holds a JSON array, which cannot be read as " + Cart.class.getName());
            readingFails("on", Instant.class, "session attribute 'on' holds a JSON boolean, which cannot be read as java.time.Instant");
        }

        @Test
        void aValueSetAsOneTypeAndReadAsAnotherIsNamedByItsJson() {
            withSession(null, s -> {
                s.set("cart", new Cart(List.of(new Item("sku-1", 2))));
                assertThatThrownBy(() -> s.get("cart", Integer.class))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("session attribute 'cart' holds a JSON object, which cannot be read as java.lang.Integer");
            });
        }
    }

    @Nested
    class CreationTime {

        @Test
        void isRecordedAtCreationAndKeptByLaterRequests() {
            Instant before = Instant.now();
            String id = seed(s -> s.set("a", 1));
            Instant[] created = new Instant[2];
            withSession(cookieFor(id), s -> created[0] = s.created().orElseThrow());
            withSession(cookieFor(id), s -> {
                s.set("b", 2);
                created[1] = s.created().orElseThrow();
            });
            assertThat(created[0]).isBetween(before.minusMillis(1), Instant.now()).isEqualTo(created[1]);
            assertThat(stored(id).get("__cloakroom").get("created").asLong()).isEqualTo(created[0].toEpochMilli());
        }

        @Test
        void changeIdKeepsItAndRegenerateStartsANewOne() throws InterruptedException {
            String id = seed(s -> s.set("a", 1));
            Instant[] seen = new Instant[3];
            withSession(cookieFor(id), s -> seen[0] = s.created().orElseThrow());
            Thread.sleep(5);
            withSession(cookieFor(id), s -> {
                s.changeId();
                seen[1] = s.created().orElseThrow();
                s.regenerate();
                seen[2] = s.created().orElseThrow();
            });
            assertThat(seen[1]).isEqualTo(seen[0]);
            assertThat(seen[2]).isAfter(seen[0]);
        }

        @Test
        void isUnknownForASessionAnotherAppCreated() {
            storeRaw(ID, "{\"cookie\":{\"originalMaxAge\":null,\"expires\":null,\"httpOnly\":true,\"path\":\"/\"},\"n\":1}");
            withSession(cookieFor(ID), s -> {
                assertThat(s.created()).isEmpty();
                assertThat(s.get("n")).contains(1);
            });
            assertThat(store.sets.get()).isZero();
        }

        @Test
        void aNewUntouchedSessionIsStillNotSaved() {
            withSession(null, s -> s.created().orElseThrow());
            assertThat(store.sets.get()).isZero();
        }
    }
}
