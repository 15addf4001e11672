package dev.cloakroom.lifecycle;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Typed reads of strings, booleans, ints and longs, which core answers from the stored JSON
 * without a Jackson call: the same values as Jackson's, the same refusals, and with an
 * application's mapper, that mapper's reading.
 */
@ExtendWith(NoSessionIdInLogs.class)
class ScalarReadsTest extends LifecycleFixture {

    private String seeded() {
        return seed(s -> s.set("name", "Ada").set("admin", true).set("visits", 42).set("big", 1L << 40));
    }

    @Nested
    class WithCloakroomsMapper {

        @Test
        void eachReadsAsTheValueSet() {
            String id = seeded();
            withSession(cookieFor(id), s -> {
                assertThat(s.get("name", String.class)).contains("Ada");
                assertThat(s.get("admin", Boolean.class)).contains(true);
                assertThat(s.get("visits", Integer.class)).contains(42);
                assertThat(s.get("visits", Long.class)).contains(42L);
                assertThat(s.get("big", Long.class)).contains(1L << 40);
            });
        }

        @Test
        void jsonOfAnotherKindIsConvertedAsJacksonConvertsIt() {
            String id = seeded();
            withSession(cookieFor(id), s -> {
                assertThat(s.get("visits", String.class)).contains("42");
                assertThat(s.get("visits", Double.class)).contains(42.0);
            });
        }

        @Test
        void aLongReadAsAnIntegerIsStillRefused() {
            String id = seeded();
            assertThatThrownBy(() -> withSession(cookieFor(id), s -> s.get("big", Integer.class)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'big'");
        }

        @Test
        void readingThemWritesNothingAndTheDocumentStaysAsItWas() {
            String id = seeded();
            String before = storedJson(id).orElseThrow();
            withSession(cookieFor(id), s -> {
                s.get("name", String.class);
                s.get("admin", Boolean.class);
                s.get("visits", Integer.class);
            });
            assertThat(store.sets.get()).isZero();
            assertThat(storedJson(id)).contains(before);
        }

        @Test
        void aValueSetAfterAReadIsSaved() {
            String id = seeded();
            withSession(cookieFor(id), s -> {
                assertThat(s.get("name", String.class)).contains("Ada");
                s.set("name", "Grace");
                assertThat(s.get("name", String.class)).contains("Grace");
            });
            withSession(cookieFor(id), s -> assertThat(s.get("name", String.class)).contains("Grace"));
        }
    }

    /** Reads every string upper-cased, which Cloakroom's own mapper never does. */
    static final class UpperCase extends ValueDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            return p.getString().toUpperCase(Locale.ROOT);
        }
    }

    @Nested
    class WithTheApplicationsMapper {

        @Test
        void itsStringDeserializerReadsTheValue() {
            configure(b -> b.objectMapper(JsonMapper.builder()
                    .addModule(new SimpleModule().addDeserializer(String.class, new UpperCase())).build()));
            String id = seeded();
            withSession(cookieFor(id), s -> assertThat(s.get("name", String.class)).contains("ADA"));
        }
    }
}
